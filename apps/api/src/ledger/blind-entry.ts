import { HttpStatus } from '@nestjs/common';
import type { LedgerEntryInput } from '@olympiad/contracts';
import {
  DOUBLE_PENDING,
  doubleEntrySlot,
  pairEntry,
  teamsOfSlot,
  type BlindEntry,
  type DoublePendingPayload,
} from '@olympiad/scoring';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import type { AuditRecorder } from '../audit/audit-recorder';
import type { CategoryRow } from '../categories/categories.query';
import { ApiError, conflict } from '../common/api-error';
import { derivedEntryId } from '../double-entry/derived-entry-id';
import type { DoubleEntryRow, DoubleEntryStore } from '../double-entry/double-entry.store';
import { LedgerEntryEntity } from './ledger-entry.entity';

/**
 * A judge's entry in a double-entry category (docs/rules.md#double-entry): kept blind in the
 * double-entry table and paired with the other judge's entry of the same slot. The ledger gets no
 * values until both are in: the slot's value-free stand-in first, then the agreed result or, when
 * they differ, a stand-in in review that the head judge's decision supersedes. Runs in the ledger's
 * transaction under the category's write lock. Returns the ledger entry to append.
 */
export async function pairBlindEntry(
  manager: EntityManager,
  store: DoubleEntryStore,
  audit: AuditRecorder,
  category: CategoryRow,
  input: LedgerEntryInput,
  payload: Record<string, unknown>,
  actor: Actor,
): Promise<LedgerEntryEntity> {
  const slot = doubleEntrySlot({ kind: input.kind, teamId: input.teamId, payload }) as string;
  if (input.supersedes) await assertConfirmsSensor(manager, input.supersedes, category.id);
  const held = await store.ofSlot(category.id, slot, manager);
  const incoming: BlindEntry = {
    id: input.id,
    kind: input.kind,
    teamId: input.teamId,
    payload,
    authorId: actor.id,
  };
  const outcome = pairEntry(held.map(blindOf), incoming);
  if (outcome.kind === 'same-judge') {
    throw conflict(
      'ledger.doubleEntrySameJudge',
      'You have entered this already; a second judge must enter it',
    );
  }
  if (outcome.kind === 'complete' || outcome.kind === 'duplicate') {
    throw conflict(
      'ledger.doubleEntryComplete',
      'Two judges have entered this already; the head judge decides on yours',
    );
  }
  const teams = teamsOfSlot({ kind: input.kind, teamId: input.teamId, payload });
  const base = {
    stageId: category.stageId,
    categoryId: category.id,
    teamId: input.teamId,
    authorId: actor.id,
    authorRole: actor.role,
    awaitsConfirmation: false,
    deviceId: null,
    recordedAt: input.recordedAt,
    receivedAt: new Date().toISOString(),
  };
  let written: LedgerEntryEntity;
  if (outcome.kind === 'first') {
    written = Object.assign(new LedgerEntryEntity(), base, {
      id: derivedEntryId(input.id, 'pending'),
      kind: DOUBLE_PENDING,
      payload: pendingPayload(slot, 'awaiting-second', teams),
      // The stand-in takes the sensor's provisional time out of the row until the entries settle.
      supersedes: input.supersedes ?? null,
      reason: null,
    });
  } else {
    const standIn = held[0].ledgerEntryId;
    if (await supersededInLedger(manager, standIn, category.id)) {
      throw conflict(
        'ledger.doubleEntrySettled',
        'The head judge has already decided this; your entry goes to them',
      );
    }
    written =
      outcome.kind === 'agree'
        ? Object.assign(new LedgerEntryEntity(), base, {
            id: derivedEntryId(input.id, 'agreed'),
            kind: input.kind,
            payload,
            supersedes: standIn,
            reason: null,
          })
        : Object.assign(new LedgerEntryEntity(), base, {
            id: derivedEntryId(input.id, 'review'),
            kind: DOUBLE_PENDING,
            payload: pendingPayload(slot, 'in-review', teams),
            supersedes: standIn,
            reason: null,
          });
  }
  const row: DoubleEntryRow = {
    id: input.id,
    stageId: category.stageId,
    categoryId: category.id,
    teamId: input.teamId,
    kind: input.kind,
    slot,
    payload,
    supersedes: input.supersedes ?? null,
    authorId: actor.id,
    authorName: actor.name,
    authorRole: actor.role,
    recordedAt: input.recordedAt,
    receivedAt: base.receivedAt,
    ledgerEntryId: written.id,
  };
  await store.add(row, manager);
  await audit.record(
    {
      actor,
      stageId: category.stageId,
      object: { kind: 'category', id: category.id, name: category.name },
      action: 'double.enter',
      after: { entryId: input.id, slot, outcome: outcome.kind, payload },
    },
    manager,
  );
  return written;
}

/** A resend of a blind entry: the same content is a duplicate, different content a reused id. */
export function sameBlindEntry(
  stored: DoubleEntryRow,
  input: LedgerEntryInput,
  payload: unknown,
): boolean {
  return (
    stored.categoryId === input.categoryId &&
    stored.teamId === input.teamId &&
    stored.kind === input.kind &&
    stored.supersedes === (input.supersedes ?? null) &&
    JSON.stringify(stored.payload) === JSON.stringify(payload)
  );
}

function blindOf(row: DoubleEntryRow): BlindEntry {
  return {
    id: row.id,
    kind: row.kind,
    teamId: row.teamId,
    payload: row.payload,
    authorId: row.authorId,
  };
}

function pendingPayload(
  slot: string,
  state: DoublePendingPayload['state'],
  teams: string[],
): Record<string, unknown> {
  return { slot, state, teams };
}

/** A judge's entry may only confirm a sensor's time; the head judge corrects a counted result. */
async function assertConfirmsSensor(
  manager: EntityManager,
  supersedes: string,
  categoryId: string,
): Promise<void> {
  const original = await manager.findOneBy(LedgerEntryEntity, { id: supersedes, categoryId });
  if (original?.kind === DOUBLE_PENDING) {
    throw new ApiError(
      HttpStatus.FORBIDDEN,
      'ledger.doubleEntryDecision',
      'Only the head judge decides between two entries',
    );
  }
  if (!original || original.authorRole !== 'device') {
    throw new ApiError(
      HttpStatus.CONFLICT,
      'ledger.doubleEntryCorrection',
      'In a double-entry category only the head judge corrects a counted result',
    );
  }
}

async function supersededInLedger(
  manager: EntityManager,
  id: string,
  categoryId: string,
): Promise<boolean> {
  return manager.existsBy(LedgerEntryEntity, { categoryId, supersedes: id });
}
