import { HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type {
  JudgeMe,
  JudgeSignIn,
  JudgeSignInAnswer,
  OrganiserAuthAnswer,
  OrganiserSetup,
  OrganiserSignIn,
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
import { OrganiserAccountEntity } from './organiser-account.entity';
import { hashSecret, randomCode, verifySecret } from './secret-hash';
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
  ) {}

  /**
   * First run: with ADMIN_PASSWORD the organiser account is made at once; otherwise a one-time
   * setup link is printed (a new one at every start until the account exists).
   */
  async prepareFirstRun(): Promise<{ setupUrl?: string }> {
    if ((await this.organisers.count()) > 0) return {};
    if (this.config.admin.password) {
      await this.createOrganiser(this.config.admin.username, this.config.admin.password);
      this.logger.log(
        `Organiser account "${this.config.admin.username}" created from ADMIN_PASSWORD`,
      );
      return {};
    }
    const token = randomCode(24);
    await this.settings.set(SETUP_TOKEN_KEY, await hashSecret(token));
    return { setupUrl: `${this.config.publicUrl}/console/setup?token=${token}` };
  }

  async needsSetup(): Promise<boolean> {
    return (await this.organisers.count()) === 0;
  }

  async completeSetup(input: OrganiserSetup): Promise<OrganiserAuthAnswer> {
    const stored = await this.settings.get(SETUP_TOKEN_KEY);
    if (!(await this.needsSetup()) || !stored) {
      throw new ApiError(
        HttpStatus.CONFLICT,
        'auth.setupDone',
        'The organiser account already exists; sign in instead',
      );
    }
    if (!(await verifySecret(input.token, stored))) {
      throw new ApiError(
        HttpStatus.UNAUTHORIZED,
        'auth.wrongSetupToken',
        'This setup link is not valid; use the one the server printed',
      );
    }
    const account = await this.createOrganiser(input.username, input.password);
    await this.settings.remove(SETUP_TOKEN_KEY);
    return this.organiserSession(account);
  }

  async signInOrganiser(input: OrganiserSignIn): Promise<OrganiserAuthAnswer> {
    const account = await this.organisers.findOneBy({ username: input.username });
    if (!account || !(await verifySecret(input.password, account.passwordHash))) {
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
      throw new ApiError(
        HttpStatus.UNAUTHORIZED,
        'auth.wrongPassword',
        'The user name or password is wrong',
      );
    }
    const session = this.organiserSession(account);
    await this.audit.record({
      actor: { kind: 'organiser', id: account.id, name: account.username, role: 'organiser' },
      stageId: null,
      object: { kind: 'account', id: account.id, name: account.username },
      action: 'auth.signIn',
    });
    return session;
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
    return this.organisers.save({
      id: randomUUID(),
      username,
      passwordHash: await hashSecret(password),
      createdAt: new Date().toISOString(),
    });
  }

  private organiserSession(account: OrganiserAccountEntity): OrganiserAuthAnswer {
    return {
      token: this.tokens.sign({ sub: account.id, role: 'organiser', name: account.username }),
      role: 'organiser',
      name: account.username,
    };
  }
}
