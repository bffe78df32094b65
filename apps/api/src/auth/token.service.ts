import { Injectable, OnModuleInit } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { randomBytes } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { SettingsService } from '../settings/settings.service';
import { actorFromClaims, type Actor, type TokenClaims } from './actor';

const LIFETIME_SECONDS = { organiser: 12 * 3600, judge: 36 * 3600 } as const;

/**
 * Signs and checks bearer tokens. The secret comes from JWT_SECRET or is generated once and kept
 * in the database, so tokens survive a restart and every replica signs alike.
 */
@Injectable()
export class TokenService implements OnModuleInit {
  private secret = '';

  constructor(
    private readonly jwt: JwtService,
    private readonly settings: SettingsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    this.secret =
      this.config.jwtSecret ?? (await this.settings.getOrCreate('jwtSecret', () => randomBytes(48).toString('base64url')));
  }

  /** A key derived from the signing secret, for the PIN look-up digests. */
  get pinPepper(): string {
    return `pin:${this.secret}`;
  }

  sign(claims: TokenClaims): string {
    const lifetime = claims.role === 'organiser' ? LIFETIME_SECONDS.organiser : LIFETIME_SECONDS.judge;
    return this.jwt.sign({ ...claims }, { secret: this.secret, expiresIn: lifetime });
  }

  /** The actor of a valid token, or undefined for a missing, expired or forged one. */
  verify(token: string | undefined): Actor | undefined {
    if (!token) return undefined;
    try {
      return actorFromClaims(this.jwt.verify<TokenClaims>(token, { secret: this.secret }));
    } catch {
      return undefined;
    }
  }
}
