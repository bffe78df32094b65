import { HttpStatus, Inject, Injectable, type OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { createHash, randomBytes } from 'node:crypto';
import { ApiError } from '../common/api-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { JudgesQuery } from '../judges/judges.query';
import { SettingsService } from '../settings/settings.service';
import { actorFromClaims, type Actor, type TokenClaims } from './actor';
import { StaffAccountStates } from './staff-account-states';

const LIFETIME_SECONDS = { organiser: 12 * 3600, judge: 36 * 3600 } as const;
/** After this long no token a retired key signed is still valid, so the key can go. */
const LONGEST_LIFETIME_MS = LIFETIME_SECONDS.judge * 1000;
/** How often a replica re-reads the keys, so a rotation on another replica reaches its sockets. */
const KEY_REFRESH_MS = 30_000;
/** Rotations in a row (a script gone wrong) keep at most this many keys; the oldest go first. */
const MAX_KEYS = 20;

const KEYS_SETTING = 'tokenKeys';
const PEPPER_SETTING = 'pinPepper';
/** The secret one server generated before signing keys rotated; still the first key of such a server. */
const LEGACY_SECRET_SETTING = 'jwtSecret';

/** A signing secret, named in each token's header by `kid`; retired keys only check tokens. */
interface SigningKey {
  kid: string;
  secret: string;
  retiredAt?: string;
}

export interface TokenKeyRotation {
  keyId: string;
  acceptedKeyIds: string[];
}

/** What a judge's token remembers of the PIN it was given for: a new PIN ends it. */
export function pinVersion(pinHash: string): string {
  return createHash('sha256').update(pinHash).digest('base64url').slice(0, 16);
}

function keyId(secret: string): string {
  return createHash('sha256').update(`kid:${secret}`).digest('base64url').slice(0, 12);
}

/**
 * Signs and checks bearer tokens (docs/security.md#token-signing-keys). The keys come from
 * JWT_SECRET (and JWT_SECRET_PREVIOUS) or are generated and kept in the database, where
 * `rotate()` puts a new one in front: new tokens use it, tokens of the older keys keep working
 * until they expire, so a rotation signs no judge out. The PIN look-up pepper is kept apart from
 * the keys, so rotating never changes how a PIN is found.
 */
@Injectable()
export class TokenService implements OnModuleInit, OnModuleDestroy {
  private keys: SigningKey[] = [];
  private pepper = '';
  private refresh?: NodeJS.Timeout;
  private lastReload = 0;

  constructor(
    private readonly jwt: JwtService,
    private readonly settings: SettingsService,
    private readonly judges: JudgesQuery,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly staffStates: StaffAccountStates,
  ) {}

  async onModuleInit(): Promise<void> {
    const configured = this.config.jwtSecret;
    const first =
      configured ??
      (await this.settings.getOrCreate(LEGACY_SECRET_SETTING, () =>
        randomBytes(48).toString('base64url'),
      ));
    // Before keys rotated, the pepper was derived from the one secret; it stays what it was.
    this.pepper = await this.settings.getOrCreate(PEPPER_SETTING, () => `pin:${first}`);
    if (configured) {
      const previous = this.config.jwtSecretPrevious;
      this.keys = [configured, ...(previous ? [previous] : [])].map((secret) => ({
        kid: keyId(secret),
        secret,
      }));
      return;
    }
    await this.settings.getOrCreate(KEYS_SETTING, () =>
      JSON.stringify([{ kid: keyId(first), secret: first }]),
    );
    await this.reloadKeys();
    this.refresh = setInterval(() => void this.reloadKeys().catch(() => undefined), KEY_REFRESH_MS);
    this.refresh.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.refresh);
  }

  /** A key for the PIN look-up digests; the same for the server's whole life. */
  get pinPepper(): string {
    return this.pepper;
  }

  sign(claims: TokenClaims): string {
    const lifetime =
      claims.role === 'organiser' ? LIFETIME_SECONDS.organiser : LIFETIME_SECONDS.judge;
    const [current] = this.keys;
    return this.jwt.sign(
      { ...claims },
      { secret: current.secret, expiresIn: lifetime, keyid: current.kid },
    );
  }

  /**
   * The actor of a valid token, or undefined for a missing, expired or forged one. Checks the
   * signature only; `actorOf` also asks whether the judge may still sign in.
   */
  verify(token: string | undefined): Actor | undefined {
    const claims = this.claimsOf(token);
    return claims ? actorFromClaims(claims) : undefined;
  }

  /**
   * The actor of a token that is still good: signed by a known key, not expired, and for a judge,
   * still active and holding the PIN the token was given for (a PIN reset ends it at once).
   */
  async actorOf(token: string | undefined): Promise<Actor | undefined> {
    let claims = this.claimsOf(token);
    if (!claims && token && this.unknownKey(token) && (await this.reloadKeysSoon())) {
      claims = this.claimsOf(token);
    }
    if (!claims) return undefined;
    const actor = actorFromClaims(claims);
    if (actor.kind === 'organiser') return this.staffActor(actor, claims);
    if (actor.kind !== 'judge') return actor;
    const judge = await this.judges.judgeSignInState(actor.id);
    if (!judge?.active) return undefined;
    // Tokens issued before PIN versions were written carry none; they end when they expire.
    if (claims.pv !== undefined && claims.pv !== pinVersion(judge.pinHash)) return undefined;
    return actor;
  }

  /**
   * A staff token is good while its account is active and its session version is the account's
   * (tokens from before session versions carry none: version 0). Role and granted stages are read
   * now, not from the token, so a change reaches the account's next request.
   */
  private async staffActor(
    actor: Extract<Actor, { kind: 'organiser' }>,
    claims: TokenClaims,
  ): Promise<Actor | undefined> {
    const account = await this.staffStates.of(claims.sub);
    if (!account?.active || (claims.sv ?? 0) !== account.sessionVersion) return undefined;
    return {
      ...actor,
      name: account.name,
      staffRole: account.staffRole,
      stageIds: account.stageIds,
    };
  }

  /**
   * A new signing key in front of the others; the others keep checking their tokens until those
   * expire. Keys retired longer ago than a token lives are dropped, and all but MAX_KEYS.
   */
  async rotate(): Promise<TokenKeyRotation> {
    if (this.config.jwtSecret) {
      throw new ApiError(
        HttpStatus.CONFLICT,
        'auth.tokenKeyConfigured',
        'The signing key comes from JWT_SECRET: set a new JWT_SECRET and move the old one to JWT_SECRET_PREVIOUS',
      );
    }
    await this.reloadKeys();
    const now = Date.now();
    const secret = randomBytes(48).toString('base64url');
    const kept = this.keys
      .map((key) => ({ ...key, retiredAt: key.retiredAt ?? new Date(now).toISOString() }))
      .filter((key) => now - Date.parse(key.retiredAt) < LONGEST_LIFETIME_MS);
    this.keys = [{ kid: keyId(secret), secret }, ...kept].slice(0, MAX_KEYS);
    await this.settings.set(KEYS_SETTING, JSON.stringify(this.keys));
    return { keyId: this.keys[0].kid, acceptedKeyIds: this.keys.map((key) => key.kid) };
  }

  private claimsOf(token: string | undefined): TokenClaims | undefined {
    if (!token) return undefined;
    const kid = this.headerKid(token);
    const candidates = kid ? this.keys.filter((key) => key.kid === kid) : this.keys;
    for (const key of candidates) {
      try {
        return this.jwt.verify<TokenClaims>(token, { secret: key.secret });
      } catch {
        // next key
      }
    }
    return undefined;
  }

  private headerKid(token: string): string | undefined {
    try {
      const decoded = this.jwt.decode<{ header?: { kid?: unknown } } | null>(token, {
        complete: true,
      });
      return typeof decoded?.header?.kid === 'string' ? decoded.header.kid : undefined;
    } catch {
      return undefined;
    }
  }

  private unknownKey(token: string): boolean {
    const kid = this.headerKid(token);
    return kid !== undefined && !this.keys.some((key) => key.kid === kid);
  }

  /** Re-reads the keys for a token of a key another replica just made; at most once a second. */
  private async reloadKeysSoon(): Promise<boolean> {
    if (this.config.jwtSecret || Date.now() - this.lastReload < 1000) return false;
    await this.reloadKeys();
    return true;
  }

  private async reloadKeys(): Promise<void> {
    if (this.config.jwtSecret) return;
    this.lastReload = Date.now();
    const stored = await this.settings.get(KEYS_SETTING);
    const keys = stored ? (JSON.parse(stored) as SigningKey[]) : [];
    if (keys.length > 0) this.keys = keys;
  }
}
