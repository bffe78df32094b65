import { z } from 'zod';
import { parsePayload } from '../common/parse-payload';
import type { LedgerRecord } from '../ledger.types';
import { resolveLedger } from '../ledger/resolve-ledger';
import { CREATIVE_MARKS } from '../creative/creative-entries';
import { MAZE_ATTEMPT } from '../maze/maze-entries';
import { PROGRAMMING_TASK } from '../programming/programming-entries';
import { SUMO_MATCH } from '../sumo/sumo-entries';

/**
 * Double entry (docs/rules.md#double-entry): two different judges enter the same attempt or match
 * blind; it counts when both agree, the head judge decides when they differ.
 */
/**
 * The ledger's stand-in for an attempt or match whose two entries are not settled: it names the
 * slot and its state but carries no values, so reading the ledger reveals nothing of either entry.
 * Written by the server only; the agreed (or decided) result supersedes it.
 */
export const DOUBLE_PENDING = 'double.pending';
export const reviewStateSchema = z.enum(['awaiting-second', 'in-review']);
export type ReviewState = z.infer<typeof reviewStateSchema>;
export const doublePendingPayloadSchema = z
  .object({
    slot: z.string().min(1).max(300),
    state: reviewStateSchema,
    /** The teams whose standing waits for it (both players of a sumo match). */
    teams: z.array(z.string().min(1).max(100)).max(2),
  })
  .strict();
export type DoublePendingPayload = z.infer<typeof doublePendingPayloadSchema>;

export function parseDoublePending(payload: unknown): DoublePendingPayload | null {
  return parsePayload(doublePendingPayloadSchema, payload);
}

/** What a blind entry is about and what it says, as the rules validated it. */
export interface BlindEntry {
  id: string;
  kind: string;
  teamId: string | null;
  payload: unknown;
  authorId: string;
}

/**
 * The attempt, task, sheet or match an entry scores, or null for a kind entered once (a sumo
 * draw, a team status…). Two entries of one slot are the two judges' entries of the same thing.
 */
export function doubleEntrySlot(
  entry: Pick<BlindEntry, 'kind' | 'teamId' | 'payload'>,
): string | null {
  const payload = (entry.payload ?? {}) as Record<string, unknown>;
  switch (entry.kind) {
    case MAZE_ATTEMPT:
      return `${entry.kind}:${String(entry.teamId)}:${String(payload['attempt'])}`;
    case PROGRAMMING_TASK:
      return `${entry.kind}:${String(entry.teamId)}:${String(payload['task'])}`;
    // A rubric sheet is one jury member's marks: two people type in the same sheet.
    case CREATIVE_MARKS:
    case 'programming.rubric':
      return `${entry.kind}:${String(entry.teamId)}:${String(payload['judgeId'])}`;
    case SUMO_MATCH:
      return `${entry.kind}:${String(payload['matchId'])}`;
    default:
      return null;
  }
}

/**
 * Whether an entry of a double-entry category waits for a second judge's: every entry with a slot,
 * except a jury member's own rubric sheet — their marks are theirs to give, and the rules already
 * combine several members' sheets. A sheet typed in for another member (a paper sheet) is checked.
 */
export function needsSecondEntry(
  entry: Pick<BlindEntry, 'kind' | 'teamId' | 'payload'>,
  authorId: string,
): boolean {
  if (doubleEntrySlot(entry) === null) return false;
  const isRubric = entry.kind === CREATIVE_MARKS || entry.kind === 'programming.rubric';
  const payload = (entry.payload ?? {}) as Record<string, unknown>;
  return !(isRubric && payload['judgeId'] === authorId);
}

/** The teams a slot's standing waits for. */
export function teamsOfSlot(entry: Pick<BlindEntry, 'kind' | 'teamId' | 'payload'>): string[] {
  if (entry.kind === SUMO_MATCH) {
    const payload = (entry.payload ?? {}) as Record<string, unknown>;
    return [payload['a'], payload['b']].filter((t): t is string => typeof t === 'string');
  }
  return entry.teamId ? [entry.teamId] : [];
}

/**
 * Two entries agree when they score the same slot with the same payload once the rules have
 * normalised it (defaults filled in; object keys in any order). Nothing is rounded or tolerated:
 * 12.34 s and 12.35 s differ, and so do the same sumo points in another order.
 */
export function entriesAgree(
  a: Pick<BlindEntry, 'kind' | 'teamId' | 'payload'>,
  b: Pick<BlindEntry, 'kind' | 'teamId' | 'payload'>,
): boolean {
  return (
    a.kind === b.kind &&
    a.teamId === b.teamId &&
    doubleEntrySlot(a) === doubleEntrySlot(b) &&
    canonicalJson(a.payload) === canonicalJson(b.payload)
  );
}

export type PairingOutcome =
  /** This id is already one of the slot's entries: a resend, nothing changes. */
  | { kind: 'duplicate'; entry: BlindEntry }
  /** The same judge cannot be both entries of a slot. */
  | { kind: 'same-judge'; first: BlindEntry }
  /** The slot already has its two entries. */
  | { kind: 'complete' }
  /** The first entry: the slot waits for a second judge. */
  | { kind: 'first' }
  | { kind: 'agree'; first: BlindEntry }
  | { kind: 'differ'; first: BlindEntry };

/**
 * What an arriving entry does to its slot, given the entries the slot already holds (in the order
 * they arrived). Order of arrival does not matter: the first of two is whichever came first.
 */
export function pairEntry(held: readonly BlindEntry[], incoming: BlindEntry): PairingOutcome {
  const same = held.find((entry) => entry.id === incoming.id);
  if (same) return { kind: 'duplicate', entry: same };
  if (held.length >= 2) return { kind: 'complete' };
  if (held.length === 0) return { kind: 'first' };
  const first = held[0];
  if (first.authorId === incoming.authorId) return { kind: 'same-judge', first };
  return entriesAgree(first, incoming) ? { kind: 'agree', first } : { kind: 'differ', first };
}

/** JSON with sorted object keys. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(
          Object.entries(inner as Record<string, unknown>).sort(([x], [y]) =>
            x < y ? -1 : x > y ? 1 : 0,
          ),
        )
      : inner,
  );
}

/** The stronger of two review states of one team: in review outweighs awaiting. */
export function strongerReview(a: ReviewState | undefined, b: ReviewState): ReviewState {
  return a === 'in-review' || b === 'in-review' ? 'in-review' : 'awaiting-second';
}

/**
 * The slots a judge has nothing more to enter for, though they count for nobody yet: the ones
 * whose stand-in they wrote (their entry awaits the second judge) and every one in review (both
 * judges have entered it), with that state. Another judge's entry awaiting a second one is not among them: that
 * slot is this judge's to enter.
 */
export function slotsEnteredBy(
  records: readonly LedgerRecord[],
  judgeId: string,
): Map<string, ReviewState> {
  const slots = new Map<string, ReviewState>();
  for (const { record } of resolveLedger(records).effective) {
    if (record.kind !== DOUBLE_PENDING) continue;
    const pending = parseDoublePending(record.payload);
    if (!pending) continue;
    if (pending.state === 'in-review' || record.authorId === judgeId)
      slots.set(pending.slot, pending.state);
  }
  return slots;
}
