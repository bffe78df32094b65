import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  AuditValue,
  StaffAccount,
  StaffCreate,
  StaffPasswordSet,
  StaffUpdate,
} from '@olympiad/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AccountSockets } from './account-sockets';
import { StaffAccountStates } from './staff-account-states';
import type { Actor } from './actor';
import { OrganiserAccountEntity } from './organiser-account.entity';
import { hashSecret } from './secret-hash';
import { StaffStageGrantEntity } from './staff-stage-grant.entity';
import { AuditRecorder } from '../audit/audit-recorder';
import { ApiError, conflict, notFound } from '../common/api-error';
import { rawStatement } from '../database/raw-statement';

type StaffActor = Extract<Actor, { kind: 'organiser' }>;

/**
 * Staff accounts, kept by administrators (docs/security.md#staff-accounts). Each change goes on
 * the audit record in its own transaction, with the fields that changed before → after.
 */
@Injectable()
export class StaffService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditRecorder,
    private readonly sockets: AccountSockets,
    private readonly states: StaffAccountStates,
  ) {}

  async list(): Promise<StaffAccount[]> {
    const manager = this.dataSource.manager;
    const accounts = await manager.find(OrganiserAccountEntity, { order: { createdAt: 'ASC' } });
    const grants = await manager.find(StaffStageGrantEntity);
    return accounts.map((account) => toStaffAccount(account, grantsOf(grants, account.id)));
  }

  async create(actor: StaffActor, input: StaffCreate): Promise<StaffAccount> {
    const passwordHash = await hashSecret(input.password);
    return this.dataSource.transaction(async (manager) => {
      if (await manager.existsBy(OrganiserAccountEntity, { username: input.username }))
        throw conflict('staff.usernameTaken', `The user name ${input.username} is taken`);
      const stageIds = await this.grantable(manager, input.staffRole, input.stageIds);
      const account: OrganiserAccountEntity = {
        id: randomUUID(),
        username: input.username,
        displayName: input.displayName,
        staffRole: input.staffRole,
        active: true,
        sessionVersion: 0,
        lastSignInAt: null,
        passwordHash,
        createdAt: new Date().toISOString(),
      };
      await manager.insert(OrganiserAccountEntity, account);
      await this.setGrants(manager, account.id, stageIds);
      const created = toStaffAccount(account, stageIds);
      await this.record(manager, actor, account, 'staff.create', null, auditView(created));
      return created;
    });
  }

  async update(actor: StaffActor, id: string, input: StaffUpdate): Promise<StaffAccount> {
    const { before, after } = await this.updated(actor, id, input);
    this.states.forget(id);
    // Reach that shrinks ends the account's live sockets: they hold rooms joined with the old reach.
    if (
      before.active !== after.active ||
      before.staffRole !== after.staffRole ||
      !sameSet(before.stageIds, after.stageIds)
    )
      this.sockets.end(id);
    return after;
  }

  private async updated(
    actor: StaffActor,
    id: string,
    input: StaffUpdate,
  ): Promise<{ before: StaffAccount; after: StaffAccount }> {
    return this.dataSource.transaction(async (manager) => {
      const account = await manager.findOneBy(OrganiserAccountEntity, { id });
      if (!account) throw notFound('Staff account', id);
      const before = toStaffAccount(
        account,
        grantsOf(await manager.findBy(StaffStageGrantEntity, { accountId: id }), id),
      );
      const staffRole = input.staffRole ?? account.staffRole;
      const active = input.active ?? account.active;
      if (input.active === false && id === actor.id)
        throw conflict(
          'staff.deactivateSelf',
          'An administrator cannot deactivate their own account',
        );
      if (before.staffRole === 'admin' && before.active && (staffRole !== 'admin' || !active))
        await this.assertAnotherAdmin(manager, id);
      const stageIds = await this.grantable(
        manager,
        staffRole,
        input.stageIds ??
          (input.staffRole && input.staffRole !== 'coordinator' ? [] : before.stageIds),
      );
      const displayName = input.displayName ?? account.displayName;
      await manager.update(OrganiserAccountEntity, { id }, { displayName, staffRole, active });
      // Deactivating ends every token for good: reactivating later must not bring them back.
      if (!active && account.active)
        await manager.increment(OrganiserAccountEntity, { id }, 'sessionVersion', 1);
      if (!sameSet(stageIds, before.stageIds)) await this.setGrants(manager, id, stageIds);
      const after: StaffAccount = { ...before, displayName, staffRole, active, stageIds };
      const changed = changedFields(before, after);
      if (Object.keys(changed.after).length === 0) return { before, after };
      // Deactivating or reactivating is its own action; a role, name or grant change another.
      const { active: activeBefore, ...restBefore } = changed.before;
      const { active: activeAfter, ...restAfter } = changed.after;
      if (activeAfter !== undefined)
        await this.record(
          manager,
          actor,
          account,
          activeAfter ? 'staff.reactivate' : 'staff.deactivate',
          { active: activeBefore },
          { active: activeAfter },
        );
      if (Object.keys(restAfter).length > 0)
        await this.record(manager, actor, account, 'staff.update', restBefore, restAfter);
      return { before, after };
    });
  }

  /** Sets another account's password; every token of that account ends. */
  async setPassword(actor: StaffActor, id: string, input: StaffPasswordSet): Promise<void> {
    const passwordHash = await hashSecret(input.password);
    await this.dataSource.transaction(async (manager) => {
      const account = await manager.findOneBy(OrganiserAccountEntity, { id });
      if (!account) throw notFound('Staff account', id);
      await manager.update(OrganiserAccountEntity, { id }, { passwordHash });
      await manager.increment(OrganiserAccountEntity, { id }, 'sessionVersion', 1);
      await this.record(manager, actor, account, 'staff.passwordSet', null, null);
    });
    this.states.forget(id);
    this.sockets.end(id);
  }

  /** A coordinator's grants name stages that exist; the other roles reach every stage and hold none. */
  private async grantable(
    manager: EntityManager,
    staffRole: StaffAccount['staffRole'],
    stageIds: readonly string[],
  ): Promise<string[]> {
    if (staffRole !== 'coordinator') return [];
    const unique = [...new Set(stageIds)].sort();
    if (unique.length === 0) return [];
    const { rows } = await rawStatement(
      manager,
      `SELECT "id" FROM "stage" WHERE "id" IN (${unique.map(() => '?').join(', ')})`,
      unique,
    );
    const missing = unique.filter((stageId) => !rows.some((row) => row['id'] === stageId));
    if (missing.length > 0)
      throw new ApiError(
        HttpStatus.BAD_REQUEST,
        'staff.stageNotFound',
        `No stage ${missing.join(', ')} on this server`,
      );
    return unique;
  }

  private async setGrants(manager: EntityManager, accountId: string, stageIds: string[]) {
    await manager.delete(StaffStageGrantEntity, { accountId });
    if (stageIds.length > 0)
      await manager.insert(
        StaffStageGrantEntity,
        stageIds.map((stageId) => ({ accountId, stageId })),
      );
  }

  private async assertAnotherAdmin(manager: EntityManager, id: string): Promise<void> {
    const admins = await manager.findBy(OrganiserAccountEntity, {
      staffRole: 'admin',
      active: true,
    });
    if (!admins.some((admin) => admin.id !== id))
      throw conflict(
        'staff.lastAdmin',
        'This is the last active administrator: make another account an administrator first',
      );
  }

  private record(
    manager: EntityManager,
    actor: StaffActor,
    account: OrganiserAccountEntity,
    action:
      | 'staff.create'
      | 'staff.update'
      | 'staff.deactivate'
      | 'staff.reactivate'
      | 'staff.passwordSet',
    before: AuditValue,
    after: AuditValue,
  ) {
    return this.audit.record(
      {
        actor,
        stageId: null,
        object: { kind: 'account', id: account.id, name: account.username },
        action,
        before,
        after,
      },
      manager,
    );
  }
}

function toStaffAccount(account: OrganiserAccountEntity, stageIds: string[]): StaffAccount {
  return {
    id: account.id,
    username: account.username,
    displayName: account.displayName || account.username,
    staffRole: account.staffRole,
    stageIds,
    active: Boolean(account.active),
    createdAt: account.createdAt,
    lastSignInAt: account.lastSignInAt ?? null,
  };
}

function grantsOf(grants: StaffStageGrantEntity[], accountId: string): string[] {
  return grants
    .filter((grant) => grant.accountId === accountId)
    .map((grant) => grant.stageId)
    .sort();
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((item) => b.includes(item));

/** What the record keeps of an account: never its password. */
function auditView(account: StaffAccount): Record<string, unknown> {
  const { username, displayName, staffRole, stageIds, active } = account;
  return { username, displayName, staffRole, stageIds, active };
}

function changedFields(before: StaffAccount, after: StaffAccount) {
  const was: Record<string, unknown> = {};
  const now: Record<string, unknown> = {};
  for (const field of ['displayName', 'staffRole', 'active'] as const) {
    if (before[field] !== after[field]) {
      was[field] = before[field];
      now[field] = after[field];
    }
  }
  if (!sameSet(before.stageIds, after.stageIds)) {
    was['stageIds'] = before.stageIds;
    now['stageIds'] = after.stageIds;
  }
  return { before: was, after: now };
}
