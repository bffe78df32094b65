import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { StandingsDelta, StandingsSnapshot } from '@olympiad/contracts';
import {
  applyEntry,
  computeStandings,
  standingsOf,
  standingsStateFrom,
  type LedgerRecord,
  type Standings,
  type StandingsState,
  type TeamRef,
} from '@olympiad/scoring';
import { DataSource, EntityManager } from 'typeorm';
import { CategoriesQuery, type CategoryRow } from '../categories/categories.query';
import { CategoriesStore } from '../categories/categories.store';
import { notFound } from '../common/api-error';
import { LedgerQuery, type LedgerEntryRow } from '../ledger/ledger.query';
import { standingsCacheOutcomes, standingsEntriesRead } from '../metrics/entry-steps';
import { CategoryTeams } from './category-teams';
import { changedRows, fromStandingEntities, toStandingEntity } from './standing-rows';
import { StandingEntity } from './standing.entity';
import { upsertStandings } from './standing-statements';

export function toLedgerRecord(entry: LedgerEntryRow): LedgerRecord {
  return {
    id: entry.id,
    seq: entry.seq,
    kind: entry.kind,
    teamId: entry.teamId,
    payload: entry.payload,
    supersedes: entry.supersedes,
    authorId: entry.authorId,
    recordedAt: entry.recordedAt,
    // A finish gate's attempt counts once a judge confirms it (docs/results-display.md).
    ...(entry.awaitsConfirmation ? { unconfirmed: true } : {}),
  };
}

/** The teams as the rules see them, in an order that does not depend on the query's. */
function teamsKey(teams: TeamRef[]): string {
  return JSON.stringify([...teams].sort((a, b) => a.id.localeCompare(b.id)));
}

interface CachedProjection {
  version: number;
  /** The newest ledger entry the state holds (0: none). */
  lastSeq: number;
  /** The category's teams as the rules saw them when the state was built. */
  teams: string;
  state: StandingsState;
  standings: Standings;
}

/**
 * The standings projection (docs/design.md#the-score-ledger): kept in the `standing` table, updated in the same
 * transaction as the ledger entry that changed it, and rebuildable from the ledger at any time.
 * The in-memory state only saves recomputing; it is trusted only if it was built with the rule set
 * and (on PostgreSQL) the teams the category has now, and it is brought up to the category's newest
 * entry before it takes one (see upToDate), so a second replica catches up and a restart rebuilds.
 */
@Injectable()
export class StandingsService {
  private readonly cache = new Map<string, CachedProjection>();
  /** Computed inside a transaction that has not committed yet. */
  private readonly pending = new Map<string, CachedProjection>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly categories: CategoriesQuery,
    private readonly categoriesStore: CategoriesStore,
    private readonly ledger: LedgerQuery,
    private readonly teams: CategoryTeams,
  ) {}

  /** Applies an entry just stored in `manager`'s transaction; returns the delta, or null if nothing moved. */
  async applyEntry(
    manager: EntityManager,
    category: CategoryRow,
    entry: LedgerEntryRow,
  ): Promise<StandingsDelta | null> {
    const base = await this.upToDate(manager, category, entry);
    if (!base) {
      const before = fromStandingEntities(
        await manager.findBy(StandingEntity, { categoryId: category.id }),
      );
      standingsCacheOutcomes.inc({ outcome: 'rebuilt' });
      return this.persist(
        manager,
        category,
        before,
        await this.computeFromLedger(manager, category),
      );
    }
    const state = applyEntry(base.projection.state, toLedgerRecord(entry));
    return this.persist(manager, category, base.before, {
      version: category.standingsVersion,
      lastSeq: entry.seq,
      teams: base.projection.teams,
      state,
      standings: standingsOf(state),
    });
  }

  /** Recomputes from the ledger and stores the result (after a team joins, withdraws or is marked absent). */
  async recompute(manager: EntityManager, category: CategoryRow): Promise<StandingsDelta | null> {
    const before = fromStandingEntities(
      await manager.findBy(StandingEntity, { categoryId: category.id }),
    );
    return this.persist(manager, category, before, await this.computeFromLedger(manager, category));
  }

  /**
   * Standings replayed from the ledger alone by the rules' full recompute (not the incremental
   * path the live projection uses), stored nowhere: the check on the live projection.
   */
  async rebuild(categoryId: string): Promise<Standings> {
    const manager = this.dataSource.manager;
    const category = await this.categories.categoryById(categoryId, manager);
    if (!category) throw notFound('Category', categoryId);
    return computeStandings(
      category.ruleSet,
      await this.teams.refs(category.id, manager),
      await this.ledgerOf(manager, category.id),
    );
  }

  async snapshot(categoryId: string): Promise<StandingsSnapshot> {
    return this.dataSource.transaction(async (manager) => {
      const category = await this.categories.categoryById(categoryId, manager);
      if (!category) throw notFound('Category', categoryId);
      const rows = await manager.findBy(StandingEntity, { categoryId });
      return {
        categoryId,
        version: category.standingsVersion,
        published: category.published,
        standings: fromStandingEntities(rows),
        teams: await this.teams.labels(categoryId, manager),
      };
    });
  }

  /**
   * The projection in memory holding every entry stored before `entry`, with the standings the
   * delta is computed against, or null when it cannot be trusted and the ledger must be replayed.
   * It is trusted only if it was built with the rule set the category has now (rule parameters may
   * change before the first score without moving the version) and, on PostgreSQL, with the
   * category's teams as stored now: another replica commits a team's creation, import or status
   * before it recomputes, and may die in between; a state without the team would skip its entries
   * for good. What it lacks then are the entries other replicas stored since it was built; the
   * ledger is append-only and the caller holds the category's write lock
   * (docs/deploy.md#writes-that-must-take-turns), so those are the entries between its newest and
   * this one, and it applies them as the rules' incremental path does (docs/performance.md#replicas),
   * instead of replaying the category's whole ledger on every score a replica takes after another's.
   * SQLite has one writer, this process, whose cache saw every entry.
   */
  private async upToDate(
    manager: EntityManager,
    category: CategoryRow,
    entry: LedgerEntryRow,
  ): Promise<{ projection: CachedProjection; before: Standings } | null> {
    const cached = this.cache.get(category.id);
    if (!cached) return null;
    if (JSON.stringify(cached.state.ruleSet) !== JSON.stringify(category.ruleSet)) return null;
    const current = cached.version === category.standingsVersion;
    if (manager.connection.options.type !== 'postgres') {
      if (!current) return null;
      standingsCacheOutcomes.inc({ outcome: 'current' });
      return { projection: cached, before: cached.standings };
    }
    if (teamsKey(await this.teams.refs(category.id, manager)) !== cached.teams) return null;
    const missing = await this.ledger.entriesBetween(
      category.id,
      cached.lastSeq,
      entry.seq,
      manager,
    );
    if (missing.length === 0) {
      // The version moved without an entry: a recompute this projection cannot reproduce.
      if (!current) return null;
      standingsCacheOutcomes.inc({ outcome: 'current' });
      return { projection: cached, before: cached.standings };
    }
    standingsEntriesRead.inc(missing.length);
    let state = cached.state;
    for (const record of missing) state = applyEntry(state, toLedgerRecord(record));
    standingsCacheOutcomes.inc({ outcome: 'caught_up' });
    // The stored rows are these standings: the other replicas stored them from the same ledger,
    // rules and teams.
    const standings = standingsOf(state);
    return {
      projection: { ...cached, lastSeq: missing[missing.length - 1].seq, state, standings },
      before: standings,
    };
  }

  private async computeFromLedger(
    manager: EntityManager,
    category: CategoryRow,
  ): Promise<CachedProjection> {
    const ledger = await this.ledgerOf(manager, category.id);
    standingsEntriesRead.inc(ledger.length);
    const teams = await this.teams.refs(category.id, manager);
    const state = standingsStateFrom(category.ruleSet, teams, ledger);
    return {
      version: category.standingsVersion,
      lastSeq: ledger.at(-1)?.seq ?? 0,
      teams: teamsKey(teams),
      state,
      standings: standingsOf(state),
    };
  }

  private async ledgerOf(manager: EntityManager, categoryId: string): Promise<LedgerRecord[]> {
    return (await this.ledger.entriesOfCategory(categoryId, manager)).map(toLedgerRecord);
  }

  private async persist(
    manager: EntityManager,
    category: CategoryRow,
    before: Standings,
    next: CachedProjection,
  ): Promise<StandingsDelta | null> {
    const changes = changedRows(before, next.standings);
    const gone = before.rows.filter(
      (row) => !next.standings.rows.some((candidate) => candidate.teamId === row.teamId),
    );
    if (changes.length === 0 && gone.length === 0) {
      this.pending.set(category.id, next);
      return null;
    }
    if (gone.length > 0) {
      await manager.delete(
        StandingEntity,
        gone.map((row) => ({ categoryId: category.id, teamId: row.teamId })),
      );
    }
    await upsertStandings(
      manager,
      changes.map(({ row, position }) => toStandingEntity(category.id, row, position)),
    );
    const version = category.standingsVersion + 1;
    await this.categoriesStore.setStandingsVersion(category.id, version, manager);
    category.standingsVersion = version;
    // The cache is only updated once the caller's transaction has committed (see commitCache).
    this.pending.set(category.id, { ...next, version });
    return { categoryId: category.id, version, changed: changes.map((change) => change.row) };
  }

  /** Call after the transaction commits: the computed state becomes the cached one. */
  commitCache(categoryId: string): void {
    const next = this.pending.get(categoryId);
    if (next) this.cache.set(categoryId, next);
    this.pending.delete(categoryId);
  }

  /** Call when the transaction failed: forget what it computed. */
  discardCache(categoryId: string): void {
    this.pending.delete(categoryId);
    this.cache.delete(categoryId);
  }

  /**
   * Checks the live projection against a replay of the ledger, row by row: the replay's warnings
   * (entries the rules could not use) are for the head judge, not stored with the rows.
   */
  async verify(
    categoryId: string,
  ): Promise<{ matches: boolean; live: Standings; rebuilt: Standings }> {
    const live = (await this.snapshot(categoryId)).standings;
    const rebuilt = await this.rebuild(categoryId);
    return { matches: JSON.stringify(live.rows) === JSON.stringify(rebuilt.rows), live, rebuilt };
  }
}
