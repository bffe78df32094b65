import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { StaffRole } from '@olympiad/contracts';
import { DataSource } from 'typeorm';
import { OrganiserAccountEntity } from './organiser-account.entity';
import { StaffStageGrantEntity } from './staff-stage-grant.entity';

/** What a staff token is checked against on each request. */
export interface StaffState {
  active: boolean;
  sessionVersion: number;
  name: string;
  staffRole: StaffRole;
  stageIds: string[];
}

/**
 * The staff accounts' states as each request checks them (docs/security.md#staff-accounts). On
 * PostgreSQL, where replicas change accounts, they are read every time. On SQLite the server is one
 * process and every change goes through it (StaffService, AuthService call `forget`), so they are
 * kept in memory: a request then waits for no write, where a 2,000-row import commit holding the
 * one connection made every console request, its own progress polls included, wait until it ended.
 */
@Injectable()
export class StaffAccountStates {
  private readonly kept = new Map<string, StaffState>();
  /** Bumped by `forget`: a read that began before a change does not keep what it read. */
  private readonly generations = new Map<string, number>();
  private readonly keep: boolean;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.keep = dataSource.options.type === 'better-sqlite3';
  }

  async of(accountId: string): Promise<StaffState | undefined> {
    const kept = this.keep ? this.kept.get(accountId) : undefined;
    if (kept) return kept;
    const generation = this.generations.get(accountId) ?? 0;
    const state = await this.read(accountId);
    if (this.keep && state && (this.generations.get(accountId) ?? 0) === generation)
      this.kept.set(accountId, state);
    return state;
  }

  forget(accountId: string): void {
    this.kept.delete(accountId);
    this.generations.set(accountId, (this.generations.get(accountId) ?? 0) + 1);
  }

  private async read(accountId: string): Promise<StaffState | undefined> {
    const manager = this.dataSource.manager;
    const account = await manager.findOneBy(OrganiserAccountEntity, { id: accountId });
    if (!account) return undefined;
    const stageIds =
      account.staffRole === 'coordinator'
        ? (await manager.findBy(StaffStageGrantEntity, { accountId })).map((grant) => grant.stageId)
        : [];
    return {
      active: account.active,
      sessionVersion: account.sessionVersion,
      name: account.displayName || account.username,
      staffRole: account.staffRole,
      stageIds,
    };
  }
}
