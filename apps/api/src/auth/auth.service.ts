import { HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type {
  JudgeMe,
  JudgeSignIn,
  JudgeSignInAnswer,
  OrganiserAuthAnswer,
  OrganiserMe,
  OrganiserSetup,
  OrganiserSignIn,
  PasswordChange,
  PasswordChangeAnswer,
} from '@olympiad/contracts';
import { createHmac, randomUUID } from 'node:crypto';
import { DataSource, Repository } from 'typeorm';
import { AuditRecorder } from '../audit/audit-recorder';
import { CategoriesQuery } from '../categories/categories.query';
import { ApiError } from '../common/api-error';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { isVenueOwned, venueOwned } from '../federation/venue-owned-stages';
import { FieldsQuery } from '../fields/fields.query';
import { JudgesQuery } from '../judges/judges.query';
import { SettingsService } from '../settings/settings.service';
import { StagesQuery } from '../stages/stages.query';
import { AccountSockets } from './account-sockets';
import { StaffAccountStates } from './staff-account-states';
import type { Actor } from './actor';
import { OrganiserAccountEntity } from './organiser-account.entity';
import { hashSecret, randomCode, verifySecret } from './secret-hash';
import { SignInBackoff } from './sign-in-backoff';
import { pinVersion, TokenService } from './token.service';

const SETUP_TOKEN_KEY = 'setupTokenHash';

@Injectable()
export class AuthService {
  private readonly logger = new Logger('Auth');

  constructor(
    @InjectRepository(OrganiserAccountEntity)
    private readonly organisers: Repository<OrganiserAccountEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly judges: JudgesQuery,
    private readonly stages: StagesQuery,
    private readonly categories: CategoriesQuery,
    private readonly fields: FieldsQuery,
    private readonly settings: SettingsService,
    private readonly tokens: TokenService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditRecorder,
    private readonly backoff: SignInBackoff,
    private readonly sockets: AccountSockets,
    private readonly staffStates: StaffAccountStates,
  ) {}

  /**
   * First run: with ADMIN_PASSWORD the organiser account is made at once; otherwise a one-time
   * setup link is printed (a new one at every start until the account exists).
   */
  /**
   * Replicas starting together on an empty database each run this (docs/deploy.md): one of them
   * creates the ADMIN_PASSWORD account, and every setup link any of them prints stays good until
   * the first administrator exists.
   */
  async prepareFirstRun(): Promise<{ setupUrl?: string }> {
    if ((await this.organisers.count()) > 0) return {};
    if (this.config.admin.password) {
      try {
        await this.createOrganiser(this.config.admin.username, this.config.admin.password);
      } catch (error) {
        // Another replica created it between the count and the insert (the user name is unique).
        if ((await this.organisers.count()) > 0) return {};
        throw error;
      }
      this.logger.log(
        `Organiser account "${this.config.admin.username}" created from ADMIN_PASSWORD`,
      );
      return {};
    }
    const token = randomCode(24);
    // A key of its own per start: another replica's link, or an earlier start's, is not overwritten.
    await this.settings.set(`${SETUP_TOKEN_KEY}:${randomUUID()}`, await hashSecret(token));
    return { setupUrl: `${this.config.publicUrl}/console/setup?token=${token}` };
  }

  async needsSetup(): Promise<boolean> {
    return (await this.organisers.count()) === 0;
  }

  async completeSetup(input: OrganiserSetup): Promise<OrganiserAuthAnswer> {
    // The bare key is where a server before per-start keys kept its one link's hash.
    const stored = await this.settings.withPrefix(SETUP_TOKEN_KEY);
    if (!(await this.needsSetup()) || stored.length === 0) {
      throw new ApiError(
        HttpStatus.CONFLICT,
        'auth.setupDone',
        'The organiser account already exists; sign in instead',
      );
    }
    if (!(await this.anySecretMatches(input.token, stored))) {
      throw new ApiError(
        HttpStatus.UNAUTHORIZED,
        'auth.wrongSetupToken',
        'This setup link is not valid; use the one the server printed',
      );
    }
    const account = await this.createOrganiser(input.username, input.password);
    for (const { key } of stored) await this.settings.remove(key);
    return this.organiserSession(account);
  }

  private async anySecretMatches(secret: string, hashes: { value: string }[]): Promise<boolean> {
    for (const { value } of hashes) if (await verifySecret(secret, value)) return true;
    return false;
  }

  async signInOrganiser(input: OrganiserSignIn): Promise<OrganiserAuthAnswer> {
    // docs/security.md#failed-sign-ins: a user name that failed too often waits, from any address.
    const tryNumber = await this.backoff.reserveTry(input.username);
    const account = await this.organisers.findOneBy({ username: input.username });
    const passwordRight = account
      ? await verifySecret(input.password, account.passwordHash)
      : false;
    if (!account || !passwordRight || !account.active) {
      if (!passwordRight) await this.backoff.failed(input.username, tryNumber);
      else await this.backoff.succeeded(input.username);
      // The name tried, never the password (docs/audit.md).
      await this.audit.record({
        actor: { kind: 'anonymous', name: input.username },
        stageId: null,
        object: {
          kind: 'account',
          id: account?.id ?? input.username.slice(0, 60),
          name: input.username,
        },
        action: 'auth.signInFailed',
      });
      // A deactivated account is told so only with its right password.
      if (account && passwordRight)
        throw new ApiError(
          HttpStatus.UNAUTHORIZED,
          'auth.accountDeactivated',
          'This account is deactivated; ask an administrator',
        );
      throw new ApiError(
        HttpStatus.UNAUTHORIZED,
        'auth.wrongPassword',
        'The user name or password is wrong',
      );
    }
    await this.backoff.succeeded(input.username);
    const lastSignInAt = new Date().toISOString();
    await this.organisers.update({ id: account.id }, { lastSignInAt });
    const session = this.organiserSession(account);
    await this.audit.record({
      actor: this.staffAuditActor(account),
      stageId: null,
      object: { kind: 'account', id: account.id, name: account.username },
      action: 'auth.signIn',
    });
    return session;
  }

  /** What the console needs of the signed-in staff account (docs/security.md#staff-accounts). */
  async describeStaff(actor: Extract<Actor, { kind: 'organiser' }>): Promise<OrganiserMe> {
    const account = await this.organisers.findOneByOrFail({ id: actor.id });
    return {
      role: 'organiser',
      id: account.id,
      name: account.displayName || account.username,
      username: account.username,
      staffRole: account.staffRole,
      stageIds: [...(actor.stageIds ?? [])],
    };
  }

  /**
   * Any staff account changes its own password with the current one. Every token of the account
   * ends; this device gets a new one.
   */
  async changePassword(
    actor: Extract<Actor, { kind: 'organiser' }>,
    input: PasswordChange,
  ): Promise<PasswordChangeAnswer> {
    const account = await this.organisers.findOneByOrFail({ id: actor.id });
    if (!(await verifySecret(input.currentPassword, account.passwordHash))) {
      throw new ApiError(
        HttpStatus.FORBIDDEN,
        'auth.wrongCurrentPassword',
        'The current password is wrong; the password was not changed',
      );
    }
    const passwordHash = await hashSecret(input.newPassword);
    const changed = await this.dataSource.transaction(async (manager) => {
      await manager.increment(OrganiserAccountEntity, { id: account.id }, 'sessionVersion', 1);
      await manager.update(OrganiserAccountEntity, { id: account.id }, { passwordHash });
      await this.audit.record(
        {
          actor,
          stageId: null,
          object: { kind: 'account', id: account.id, name: account.username },
          action: 'auth.passwordChange',
        },
        manager,
      );
      return manager.findOneByOrFail(OrganiserAccountEntity, { id: account.id });
    });
    this.staffStates.forget(account.id);
    this.sockets.end(account.id);
    return { token: this.organiserSession(changed).token };
  }

  /** Every token of the account ends, the caller's too. */
  async signOutEverywhere(actor: Extract<Actor, { kind: 'organiser' }>): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.increment(OrganiserAccountEntity, { id: actor.id }, 'sessionVersion', 1);
      const account = await manager.findOneByOrFail(OrganiserAccountEntity, { id: actor.id });
      await this.audit.record(
        {
          actor,
          stageId: null,
          object: { kind: 'account', id: account.id, name: account.username },
          action: 'auth.signOutEverywhere',
        },
        manager,
      );
    });
    this.staffStates.forget(actor.id);
    this.sockets.end(actor.id);
  }

  async signInJudge(input: JudgeSignIn): Promise<JudgeSignInAnswer> {
    const stage = await this.stages.stageByCode(input.stageCode.toUpperCase());
    // A venue's stage copied to the republic server is scored at the venue only (docs/federation.md).
    if (stage && (await isVenueOwned(this.dataSource.manager, 'stage', stage.id)))
      throw venueOwned();
    const judge = stage
      ? await this.judges.judgeByPinLookup(stage.id, this.pinLookup(stage.id, input.pin))
      : null;
    if (!stage || !judge || !judge.active || !(await verifySecret(input.pin, judge.pinHash))) {
      // The stage code tried, never the PIN (docs/audit.md).
      await this.audit.record({
        actor: { kind: 'anonymous', name: input.stageCode },
        stageId: stage?.id ?? null,
        object: {
          kind: 'stage',
          id: stage?.id ?? input.stageCode.slice(0, 60),
          name: input.stageCode,
        },
        action: 'auth.signInFailed',
      });
      throw new ApiError(
        HttpStatus.UNAUTHORIZED,
        'auth.wrongPin',
        'The stage code or PIN is wrong',
      );
    }
    const token = this.tokens.sign({
      sub: judge.id,
      role: judge.role,
      name: judge.name,
      stageId: stage.id,
      pv: pinVersion(judge.pinHash),
    });
    await this.audit.record({
      actor: { kind: 'judge', id: judge.id, name: judge.name, role: judge.role, stageId: stage.id },
      stageId: stage.id,
      object: { kind: 'judge', id: judge.id, name: judge.name },
      action: 'auth.signIn',
    });
    return { token, ...(await this.describeJudge(judge.id)) };
  }

  /** What a judge's tablet needs after sign-in or reload: who, which stage, which assignments. */
  async describeJudge(judgeId: string): Promise<JudgeMe> {
    const found = await this.judges.judgeWithAssignments(judgeId);
    const judge = found?.judge;
    if (!found || !judge || !judge.active) {
      throw new ApiError(
        HttpStatus.UNAUTHORIZED,
        'errors.unauthorized',
        'This judge account is no longer active',
      );
    }
    const { categoryIds, fieldIds } = found;
    const stage = await this.stages.stageById(judge.stageId);
    // A head judge oversees every category of the stage.
    const categories =
      judge.role === 'head-judge'
        ? await this.categories.categoriesOfStage(judge.stageId)
        : await this.categories.categoriesByIds(categoryIds);
    const fields = await this.fields.fieldsByIds(fieldIds);
    return {
      role: judge.role,
      judge: {
        id: judge.id,
        name: judge.name,
        role: judge.role,
        stageId: judge.stageId,
        stageName: stage?.name ?? '',
      },
      assignments: {
        categories: categories.map((c) => ({
          id: c.id,
          name: c.name,
          discipline: c.discipline,
          ageGroup: c.ageGroupLabel,
        })),
        fields: fields.map((f) => ({ id: f.id, name: f.name, discipline: f.discipline })),
      },
    };
  }

  /** Keyed digest that finds a judge by (stage, PIN) without trying every stored hash. */
  pinLookup(stageId: string, pin: string): string {
    return createHmac('sha256', this.tokens.pinPepper).update(`${stageId}:${pin}`).digest('hex');
  }

  private async createOrganiser(
    username: string,
    password: string,
  ): Promise<OrganiserAccountEntity> {
    // The first account is an administrator (docs/security.md#staff-accounts).
    return this.organisers.save({
      id: randomUUID(),
      username,
      displayName: username,
      staffRole: 'admin',
      active: true,
      sessionVersion: 0,
      lastSignInAt: null,
      passwordHash: await hashSecret(password),
      createdAt: new Date().toISOString(),
    });
  }

  private organiserSession(account: OrganiserAccountEntity): OrganiserAuthAnswer {
    const name = account.displayName || account.username;
    return {
      token: this.tokens.sign({
        sub: account.id,
        role: 'organiser',
        name,
        sv: account.sessionVersion,
      }),
      role: 'organiser',
      name,
    };
  }

  private staffAuditActor(account: OrganiserAccountEntity): Actor {
    return {
      kind: 'organiser',
      id: account.id,
      name: account.displayName || account.username,
      role: 'organiser',
      staffRole: account.staffRole,
    };
  }
}
