import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { HeldEntry, HoldEntry, JudgeRole, ResolveHeldEntry } from '@olympiad/contracts';
import { DataSource, EntityManager, type QueryDeepPartialEntity } from 'typeorm';
import type { Actor } from '../auth/actor';
import { assertStageAccess } from '../auth/stage-access';
import { CategoriesQuery } from '../categories/categories.query';
import { conflict, notFound, unknownReference } from '../common/api-error';
import { DoubleEntryStore } from '../double-entry/double-entry.store';
import { invalidEntry } from '../ledger/invalid-entry';
import { LedgerQuery } from '../ledger/ledger.query';
import { RecordEntryUseCase } from '../ledger/record-entry.use-case';
import { LiveService } from '../live/live.service';
import { TeamsQuery } from '../teams/teams.query';
import { validateEntry } from '@olympiad/scoring';
import { HeldEntryEntity } from './held-entry.entity';

/**
 * The head judge's review queue. A tablet hands over an entry the ledger refused;
 * the head judge accepts it (it then enters the ledger through RecordEntryUseCase, as the tablet
 * made it) or dismisses it with a reason. Rows move from `open` once and are never deleted.
 */
@Injectable()
export class HeldEntriesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly record: RecordEntryUseCase,
    private readonly live: LiveService,
    private readonly categories: CategoriesQuery,
    private readonly teams: TeamsQuery,
    private readonly ledger: LedgerQuery,
    private readonly doubleEntries: DoubleEntryStore,
  ) {}

  /** Keeps a refused entry for the head judge; `created` is false when this entry was already held. */
  async hold(input: HoldEntry, actor: Actor): Promise<{ held: HeldEntry; created: boolean }> {
    const manager = this.dataSource.manager;
    const { entry } = input;
    const existing = await manager.findOneBy(HeldEntryEntity, { id: entry.id });
    if (existing)
      return { held: await this.view(this.sameHeldEntry(existing, input, actor)), created: false };

    const category = await this.categories.categoryById(entry.categoryId, manager);
    if (!category) throw unknownReference(`entry.categoryId`, 'category', entry.categoryId);
    assertStageAccess(actor, category.stageId);
    // The same id in another category's ledger is not this entry: it is held, and accepted under a substitute id.
    if (await this.recordedIn(entry.id, category.id, manager)) throw alreadyRecorded(entry.id);
    // Held for what the ledger refused at the time (a lock, a correction meanwhile), never for what it
    // would refuse whenever it came: docs/reliability.md#held-entries-always-settle.
    if (entry.teamId && !(await this.teams.isInCategory(entry.teamId, category.id, manager))) {
      throw unknownReference('entry.teamId', 'team in this category', entry.teamId);
    }
    const checked = validateEntry(category.ruleSet, entry);
    if (!checked.ok) throw invalidEntry(checked.errors, 'entry.');
    const row = Object.assign(new HeldEntryEntity(), {
      id: entry.id,
      stageId: category.stageId,
      categoryId: category.id,
      teamId: entry.teamId,
      entry,
      refusalKey: input.refusal.key,
      refusalMessage: input.refusal.message,
      heldById: actor.id,
      heldByName: actor.name,
      heldByRole: actor.role,
      heldAt: new Date().toISOString(),
      status: 'open' as const,
      resolvedAction: null,
      resolvedReason: null,
      resolvedById: null,
      resolvedByName: null,
      resolvedAt: null,
    });
    try {
      await manager.insert(HeldEntryEntity, row as QueryDeepPartialEntity<HeldEntryEntity>);
    } catch (error) {
      // The same entry handed over twice at once (a retry overtaking a slow answer): one row wins.
      const winner = await manager.findOneBy(HeldEntryEntity, { id: entry.id });
      if (!winner) throw error;
      return { held: await this.view(this.sameHeldEntry(winner, input, actor)), created: false };
    }
    const held = await this.view(row);
    await this.live.heldChanged(held);
    return { held, created: true };
  }

  /** The stage's queue: everything for the head judge and the organiser, a judge's own entries for a judge. */
  async list(stageId: string, status: 'open' | 'all', actor: Actor): Promise<HeldEntry[]> {
    assertStageAccess(actor, stageId);
    const rows = await this.dataSource.manager.find(HeldEntryEntity, {
      where: {
        stageId,
        ...(status === 'open' ? { status: 'open' as const } : {}),
        ...(actor.role === 'judge' ? { heldById: actor.id } : {}),
      },
      order: { heldAt: 'ASC', id: 'ASC' },
    });
    return this.views(rows);
  }

  /**
   * Accept: the entry goes through the ledger's own checks, as its judge, with its UUID (so the
   * tablet's later resend is the idempotent duplicate), and the row is settled in the same
   * transaction. A ledger refusal (still locked, invalid) leaves both as they were. Dismiss only
   * settles the row, and is refused once the entry has reached the ledger anyway.
   */
  async resolve(id: string, input: ResolveHeldEntry, actor: Actor): Promise<HeldEntry> {
    const held = await this.dataSource.manager.findOneBy(HeldEntryEntity, { id });
    if (!held) throw notFound('Held entry', id);
    assertStageAccess(actor, held.stageId);
    if (held.status !== 'open') throw alreadyResolved(id);

    const settlement = {
      status: input.action === 'accept' ? ('accepted' as const) : ('dismissed' as const),
      resolvedAction: input.action,
      resolvedReason: input.reason,
      resolvedById: actor.id,
      resolvedByName: actor.name,
      resolvedAt: new Date().toISOString(),
    };
    const settle = async (manager: EntityManager) => {
      const result = await manager.update(HeldEntryEntity, { id, status: 'open' }, settlement);
      if (!result.affected) throw alreadyResolved(id);
    };
    if (input.action === 'accept') {
      const entry = (await this.idTakenElsewhere(held))
        ? { ...held.entry, id: substituteId(held) }
        : held.entry;
      await this.record.execute(entry, authorOf(held), settle, { reviewed: true });
    } else {
      await this.dataSource.transaction(async (manager) => {
        // Resent by the tablet after an unlock: it counts now, so only a correction can undo it.
        if (await this.recordedIn(id, held.categoryId, manager)) throw alreadyRecorded(id);
        await settle(manager);
      });
    }
    const settled = await this.view(Object.assign(held, settlement));
    await this.live.heldChanged(settled);
    return settled;
  }

  /**
   * Whether the ledger has this entry in this category (the tablet's resend got through), or,
   * in a double-entry category, holds it blind for pairing (docs/rules.md#double-entry).
   */
  private async recordedIn(id: string, categoryId: string, manager: EntityManager) {
    const [recorded] = await this.ledger.entriesByIds([id], manager);
    if (recorded?.categoryId === categoryId) return true;
    return (await this.doubleEntries.byId(id, manager))?.categoryId === categoryId;
  }

  /** Whether another category's entry has this held entry's id (a tablet that reused a UUID). */
  private async idTakenElsewhere(held: HeldEntryEntity): Promise<boolean> {
    const [recorded] = await this.ledger.entriesByIds([held.id]);
    return recorded !== undefined && recorded.categoryId !== held.categoryId;
  }

  private sameHeldEntry(stored: HeldEntryEntity, input: HoldEntry, actor: Actor): HeldEntryEntity {
    assertStageAccess(actor, stored.stageId);
    if (canonical(stored.entry) !== canonical(input.entry)) {
      throw conflict(
        'held.idReused',
        `Entry ${stored.id} was already handed to the head judge with different content`,
      );
    }
    return stored;
  }

  private async view(row: HeldEntryEntity): Promise<HeldEntry> {
    return (await this.views([row]))[0];
  }

  private async views(rows: HeldEntryEntity[]): Promise<HeldEntry[]> {
    if (rows.length === 0) return [];
    const manager = this.dataSource.manager;
    const categoryIds = [...new Set(rows.map((row) => row.categoryId))];
    const teamIds = [...new Set(rows.flatMap((row) => (row.teamId ? [row.teamId] : [])))];
    const categories = new Map(
      (await this.categories.categoryNames(categoryIds, manager)).map((c) => [c.id, c.name]),
    );
    const teams = new Map(
      (await this.teams.teamNames(teamIds, manager)).map((t) => [t.id, t.name]),
    );
    return rows.map((row) => ({
      id: row.id,
      stageId: row.stageId,
      categoryId: row.categoryId,
      categoryName: categories.get(row.categoryId) ?? '',
      teamId: row.teamId,
      teamName: row.teamId ? (teams.get(row.teamId) ?? null) : null,
      entry: row.entry,
      refusal: { key: row.refusalKey, message: row.refusalMessage },
      heldBy: { id: row.heldById, name: row.heldByName },
      heldAt: row.heldAt,
      status: row.status,
      resolution:
        row.resolvedAction && row.resolvedAt
          ? {
              action: row.resolvedAction,
              reason: row.resolvedReason ?? '',
              by: { id: row.resolvedById ?? '', name: row.resolvedByName ?? '' },
              at: row.resolvedAt,
            }
          : null,
    }));
  }
}

const alreadyRecorded = (id: string) =>
  conflict(
    'held.alreadyRecorded',
    `Entry ${id} is already in the ledger; there is nothing to hold`,
  );
const alreadyResolved = (id: string) =>
  conflict('held.alreadyResolved', `Held entry ${id} has already been accepted or dismissed`);

/** Who made the entry on the tablet: the ledger records an accepted entry as theirs, as if it had gone through at once. */
function authorOf(held: HeldEntryEntity): Actor {
  if (held.heldByRole === 'organiser')
    return { kind: 'organiser', id: held.heldById, name: held.heldByName, role: 'organiser' };
  return {
    kind: 'judge',
    id: held.heldById,
    name: held.heldByName,
    role: held.heldByRole as JudgeRole,
    stageId: held.stageId,
  };
}

/**
 * The ledger id of an accepted entry whose own id another category's entry has: derived from both
 * (name-based, RFC 4122 version 5 layout), so accepting it is the same row whoever computes it.
 */
function substituteId(held: HeldEntryEntity): string {
  const hash = createHash('sha1').update(`held-entry:${held.id}:${held.categoryId}`).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** JSON with sorted keys: the same entry compares equal whatever order its payload's keys came in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(
          Object.entries(inner as Record<string, unknown>).sort(([a], [b]) =>
            a < b ? -1 : a > b ? 1 : 0,
          ),
        )
      : inner,
  );
}
