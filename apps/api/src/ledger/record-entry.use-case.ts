import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { LedgerEntryInput, StandingsDelta } from '@olympiad/contracts';
import {
  correctionMismatch,
  DOUBLE_PENDING,
  doubleEntrySlot,
  entryModeOf,
  MAZE_ATTEMPT,
  needsSecondEntry,
  VOID,
  SUMO_MATCH,
  sumoMatchPlayers,
  validateEntry,
  type SumoMatchPayload,
} from '@olympiad/scoring';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import { assertStageAccess } from '../auth/stage-access';
import { AuditRecorder } from '../audit/audit-recorder';
import { CategoriesQuery, type CategoryRow } from '../categories/categories.query';
import { CategoriesStore } from '../categories/categories.store';
import { ApiError, conflict, forbidden, unknownReference } from '../common/api-error';
import { CategoryWriteLock } from '../common/category-write-lock';
import { DoubleEntryStore } from '../double-entry/double-entry.store';
import { HeldEntriesQuery } from '../held-entries/held-entries.query';
import { InspectionsQuery } from '../inspections/inspections.query';
import { JudgeAssignmentsQuery } from '../judges/judge-assignments.query';
import { LiveService } from '../live/live.service';
import { observeEntryStep, timeEntryStep } from '../metrics/entry-steps';
import { ledgerEntriesRecorded } from '../metrics/venue-metrics';
import { StandingsService } from '../standings/standings.service';
import { TeamsQuery } from '../teams/teams.query';
import { pairBlindEntry, sameBlindEntry } from './blind-entry';
import { invalidEntry } from './invalid-entry';
import { LedgerEntryEntity } from './ledger-entry.entity';
import { appendLedgerEntry, correctedByOthers, ledgerEntryExists } from './ledger-statements';

export interface RecordedEntry {
  entry: LedgerEntryEntity;
  /** True when this UUID was already stored: nothing new was written. */
  duplicate: boolean;
}

/**
 * The one way a score enters the system, whether from a tablet (REST), a socket or a sensor:
 * checks, appends to the ledger and updates the standings in one transaction, then tells the
 * live rooms. A refused entry writes nothing.
 */
@Injectable()
export class RecordEntryUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly standings: StandingsService,
    private readonly live: LiveService,
    private readonly lock: CategoryWriteLock,
    private readonly assignments: JudgeAssignmentsQuery,
    private readonly categories: CategoriesQuery,
    private readonly categoriesStore: CategoriesStore,
    private readonly heldEntries: HeldEntriesQuery,
    private readonly teams: TeamsQuery,
    private readonly inspections: InspectionsQuery,
    private readonly doubleEntries: DoubleEntryStore,
    private readonly audit: AuditRecorder,
  ) {}

  /**
   * `alongside` writes what belongs with the entry (a sensor run's finish) in the same
   * transaction: both are stored or neither, with one disk sync on the finish's critical path.
   */
  /**
   * `reviewed`: the head judge accepted this entry from the review queue, so it may replace an
   * entry that someone else has corrected meanwhile.
   */
  async execute(
    input: LedgerEntryInput,
    actor: Actor,
    alongside?: (manager: EntityManager) => Promise<void>,
    options: { reviewed?: boolean } = {},
  ): Promise<RecordedEntry> {
    const startedAt = performance.now();
    const outcome = await this.lock.run(input.categoryId, async () => {
      observeEntryStep('queue', startedAt);
      try {
        let writtenAt = 0;
        const written = await this.dataSource.transaction(async (manager) => {
          await timeEntryStep('lock', () => this.lock.hold(manager, input.categoryId));
          const result = await this.write(manager, input, actor, options.reviewed === true);
          await alongside?.(manager);
          writtenAt = performance.now();
          return result;
        });
        observeEntryStep('commit', writtenAt);
        observeEntryStep('total', startedAt);
        this.standings.commitCache(input.categoryId);
        return written;
      } catch (error) {
        this.standings.discardCache(input.categoryId);
        throw error;
      }
    });
    if (!outcome.recorded.duplicate) ledgerEntriesRecorded.inc({ kind: input.kind });
    if (outcome.delta) this.live.standingsChanged(outcome.delta, outcome.published);
    return outcome.recorded;
  }

  private async write(
    manager: EntityManager,
    input: LedgerEntryInput,
    actor: Actor,
    reviewed: boolean,
  ): Promise<{ recorded: RecordedEntry; delta: StandingsDelta | null; published: boolean }> {
    const checksAt = performance.now();
    // The cheap check first: nearly every entry is new.
    const existing = (await ledgerEntryExists(manager, input.id))
      ? await manager.findOneBy(LedgerEntryEntity, { id: input.id })
      : null;
    if (existing) {
      // The id taken in another category's ledger (a tablet that reused an id): a blind entry of
      // this id in the entry's own double-entry category is still that entry's resend.
      if (existing.categoryId !== input.categoryId) {
        const own = await this.categories.categoryById(input.categoryId, manager);
        if (own && entryModeOf(own.ruleSet) === 'double') {
          assertStageAccess(actor, own.stageId);
          const resent = await this.resentBlindEntry(manager, input, own);
          if (resent)
            return { recorded: { entry: resent, duplicate: true }, delta: null, published: false };
        }
      }
      assertStageAccess(actor, existing.stageId);
      const category = await this.categories.categoryById(existing.categoryId, manager);
      const normalised = category
        ? validateEntry(category.ruleSet, {
            kind: input.kind,
            teamId: input.teamId,
            payload: input.payload,
            supersedes: input.supersedes,
          })
        : null;
      const payload = normalised?.ok ? normalised.value.payload : input.payload;
      if (!sameEntry(existing, { ...input, payload: payload as Record<string, unknown> })) {
        throw conflict(
          'ledger.idReused',
          `Entry ${input.id} was already recorded with different content`,
        );
      }
      return { recorded: { entry: existing, duplicate: true }, delta: null, published: false };
    }

    const category = await this.categories.categoryById(input.categoryId, manager);
    if (!category) throw unknownReference('categoryId', 'category', input.categoryId);
    assertStageAccess(actor, category.stageId);
    // A blind entry's id is never in the ledger (its stand-in has an id of its own), so its resend
    // is found in the double-entry table; only a double-entry category has one there, as the mode
    // cannot change once the category has an entry. Before the checks below: a resend from a
    // tablet's outbox is a duplicate even after the category was locked.
    if (entryModeOf(category.ruleSet) === 'double') {
      const resent = await this.resentBlindEntry(manager, input, category);
      if (resent)
        return { recorded: { entry: resent, duplicate: true }, delta: null, published: false };
    }
    // The head judge's accept settles a held entry even if its judge has lost the assignment since.
    if (!reviewed) await this.assertMayScore(manager, actor, category);
    if (category.status === 'locked') {
      throw conflict(
        'ledger.categoryLocked',
        'This category is locked; the head judge must unlock it first',
      );
    }
    // A tablet that has not yet heard of the head judge's "dismiss" may send the entry again.
    if (actor.kind !== 'device' && (await this.heldEntries.isDismissed(input.id, manager))) {
      throw conflict(
        'ledger.dismissedByHeadJudge',
        'The head judge dismissed this entry; it is not counted',
      );
    }
    if (input.teamId && !(await this.teams.isInCategory(input.teamId, category.id, manager))) {
      throw unknownReference('teamId', 'team in this category', input.teamId);
    }
    // Double entry (docs/rules.md#double-entry): a judge's entry of an attempt or match is blind,
    // also when the head judge accepts it from the review queue (it is still one judge's entry).
    const blind =
      actor.role === 'judge' &&
      entryModeOf(category.ruleSet) === 'double' &&
      needsSecondEntry(
        { kind: input.kind, teamId: input.teamId, payload: input.payload },
        actor.id,
      );
    const original =
      input.supersedes && !blind
        ? await this.assertMaySupersede(manager, actor, input.supersedes, category.id, reviewed)
        : null;

    const checked = validateEntry(category.ruleSet, {
      kind: input.kind,
      teamId: input.teamId,
      payload: input.payload,
      supersedes: input.supersedes,
    });
    if (!checked.ok) throw invalidEntry(checked.errors);
    // A result two judges entered is the head judge's to change, a void too (docs/rules.md#double-entry).
    if (
      original &&
      actor.role === 'judge' &&
      entryModeOf(category.ruleSet) === 'double' &&
      original.authorRole !== 'device' &&
      needsSecondEntry(original, original.authorId)
    ) {
      throw conflict(
        'ledger.doubleEntryCorrection',
        'In a double-entry category only the head judge corrects a counted result',
      );
    }
    if (original?.kind === DOUBLE_PENDING) {
      await this.assertDecision(manager, actor, original, input, checked.value.payload, category);
    } else if (original) {
      const mismatch = correctionMismatch(original, {
        kind: input.kind,
        teamId: input.teamId,
        payload: checked.value.payload,
      });
      if (mismatch) throw invalidEntry([mismatch]);
    }
    // A match or a maze attempt starts with its first entry (docs/rules.md#technical-inspection);
    // a correction of one already played is not refused.
    if (!input.supersedes) {
      const players =
        input.kind === SUMO_MATCH
          ? sumoMatchPlayers(checked.value.payload as SumoMatchPayload)
          : input.kind === MAZE_ATTEMPT && input.teamId
            ? [input.teamId]
            : [];
      if (players.length > 0) {
        await this.inspections.assertPassed(
          category,
          await this.teams.teamNames(players, manager),
          manager,
        );
      }
    }

    const entry = blind
      ? await pairBlindEntry(
          manager,
          this.doubleEntries,
          this.audit,
          category,
          input,
          checked.value.payload as Record<string, unknown>,
          actor,
        )
      : Object.assign(new LedgerEntryEntity(), {
          id: input.id,
          stageId: category.stageId,
          categoryId: category.id,
          teamId: input.teamId,
          kind: input.kind,
          // The rules fill in defaults; the ledger keeps exactly what they validated.
          payload: checked.value.payload as Record<string, unknown>,
          supersedes: input.supersedes,
          reason: input.reason,
          authorId: actor.id,
          authorRole: actor.role,
          // A finish gate's time counts once a judge confirms it (docs/results-display.md).
          awaitsConfirmation: actor.role === 'device',
          deviceId: input.deviceId,
          recordedAt: input.recordedAt,
          receivedAt: new Date().toISOString(),
        });
    observeEntryStep('checks', checksAt);
    await timeEntryStep('insert', () => appendLedgerEntry(manager, entry));
    if (category.status === 'setup') {
      await this.categoriesStore.markRunning(category.id, manager);
    }
    const delta = await timeEntryStep('standings', () =>
      this.standings.applyEntry(manager, category, entry),
    );
    return { recorded: { entry, duplicate: false }, delta, published: category.published };
  }

  /** A blind entry sent again: the ledger entry its first arrival wrote, or null when it is new. */
  private async resentBlindEntry(
    manager: EntityManager,
    input: LedgerEntryInput,
    category: CategoryRow,
  ): Promise<LedgerEntryEntity | null> {
    const stored = await this.doubleEntries.byId(input.id, manager);
    if (!stored) return null;
    const normalised = validateEntry(category.ruleSet, {
      kind: input.kind,
      teamId: input.teamId,
      payload: input.payload,
      supersedes: input.supersedes,
    });
    const payload = normalised.ok ? normalised.value.payload : input.payload;
    if (!sameBlindEntry(stored, input, payload)) {
      throw conflict(
        'ledger.idReused',
        `Entry ${input.id} was already recorded with different content`,
      );
    }
    return manager.findOneByOrFail(LedgerEntryEntity, { id: stored.ledgerEntryId });
  }

  /**
   * The head judge settles an attempt whose two entries differ (or whose second entry never came):
   * the decision supersedes the slot's stand-in, with a reason, for the same slot; it may take
   * either entry or a third value, or void the attempt. On the audit record with both entries.
   */
  private async assertDecision(
    manager: EntityManager,
    actor: Actor,
    standIn: LedgerEntryEntity,
    input: LedgerEntryInput,
    payload: unknown,
    category: CategoryRow,
  ): Promise<void> {
    if (actor.role === 'judge') {
      throw new ApiError(
        HttpStatus.FORBIDDEN,
        'ledger.doubleEntryDecision',
        'Only the head judge decides between two entries',
      );
    }
    if (!input.reason?.trim()) {
      throw invalidEntry([
        {
          path: 'reason',
          key: 'ledger.decisionReason',
          message: 'a decision between two entries says why',
        },
      ]);
    }
    const slot = (standIn.payload as { slot?: unknown }).slot;
    if (input.kind !== VOID && doubleEntrySlot({ ...input, payload }) !== slot) {
      throw invalidEntry([
        {
          path: 'payload',
          key: 'scoring.ledger.correctionOtherObject',
          message: `a decision settles the attempt or match it was asked about (${String(slot)})`,
        },
      ]);
    }
    const entries = await this.doubleEntries.ofSlot(category.id, String(slot), manager);
    await this.audit.record(
      {
        actor,
        stageId: category.stageId,
        object: { kind: 'category', id: category.id, name: category.name },
        action: 'double.decide',
        before: {
          slot,
          entries: entries.map((e) => ({ id: e.id, by: e.authorName, payload: e.payload })),
        },
        after: { entryId: input.id, kind: input.kind, payload, reason: input.reason },
      },
      manager,
    );
  }

  private async assertMayScore(
    manager: EntityManager,
    actor: Actor,
    category: CategoryRow,
  ): Promise<void> {
    if (actor.role !== 'judge') return;
    const assigned = await this.assignments.isAssigned(actor, { categoryId: category.id }, manager);
    if (!assigned) throw forbidden('You are not assigned to this category');
  }

  private async assertMaySupersede(
    manager: EntityManager,
    actor: Actor,
    supersedes: string,
    categoryId: string,
    reviewed: boolean,
  ): Promise<LedgerEntryEntity> {
    const original = await manager.findOneBy(LedgerEntryEntity, { id: supersedes, categoryId });
    if (!original) throw unknownReference('supersedes', 'entry in this category', supersedes);
    if (actor.role !== 'judge') return original;
    // A judge corrects their own entries and their field's provisional sensor times.
    if (original.authorId !== actor.id && original.authorRole !== 'device') {
      throw new ApiError(
        HttpStatus.FORBIDDEN,
        'ledger.correctOthers',
        "Only the head judge may correct another judge's entry",
      );
    }
    // The newest entry of a correction chain counts: a judge's entry made without knowing of a later
    // correction (a tablet offline, a form opened before it) would undo the head judge's decision.
    // Refused, the tablet hands it to the head judge's review queue.
    if (!reviewed && (await correctedByOthers(manager, supersedes, categoryId, actor.id))) {
      throw conflict(
        'ledger.alreadyCorrected',
        'Someone else has corrected this entry meanwhile; the head judge decides on yours',
      );
    }
    return original;
  }
}

function sameEntry(stored: LedgerEntryEntity, input: LedgerEntryInput): boolean {
  return (
    stored.categoryId === input.categoryId &&
    stored.teamId === input.teamId &&
    stored.kind === input.kind &&
    stored.supersedes === input.supersedes &&
    JSON.stringify(stored.payload) === JSON.stringify(input.payload)
  );
}
