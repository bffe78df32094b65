import type { LedgerRecord, TeamStatus } from '../ledger.types';
import { resolveLedger } from '../ledger/resolve-ledger';
import { compareNames } from '../ranking/name-collation';
import { MAZE_ATTEMPT, mazeAttemptPayloadSchema, type MazeAttemptPayload } from './maze-entries';

export interface RecordedMazeAttempt {
  entryId: string;
  payload: MazeAttemptPayload;
}

/** The attempts of each team that count now (corrections and voids applied), by attempt number. */
export function mazeAttemptsByTeam(
  records: readonly LedgerRecord[],
): Map<string, RecordedMazeAttempt[]> {
  const byTeam = new Map<string, RecordedMazeAttempt[]>();
  for (const { record } of resolveLedger(records).effective) {
    if (record.kind !== MAZE_ATTEMPT || !record.teamId) continue;
    const parsed = mazeAttemptPayloadSchema.safeParse(record.payload);
    if (!parsed.success) continue;
    const list = byTeam.get(record.teamId) ?? [];
    list.push({ entryId: record.id, payload: parsed.data });
    byTeam.set(record.teamId, list);
  }
  for (const list of byTeam.values()) list.sort((a, b) => a.payload.attempt - b.payload.attempt);
  return byTeam;
}

/** The lowest attempt number the team has not used yet; null when all `max` are used. */
export function nextMazeAttempt(
  attempts: readonly RecordedMazeAttempt[] | undefined,
  max: number,
): number | null {
  const used = new Set((attempts ?? []).map((attempt) => attempt.payload.attempt));
  for (let n = 1; n <= max; n++) if (!used.has(n)) return n;
  return null;
}

export interface MazeQueueCategory {
  id: string;
  /** Attempts the category's rule set allows (`params.attempts`). */
  attempts: number;
  records: readonly LedgerRecord[];
}

export interface MazeQueueTeam {
  id: string;
  name: string;
  categoryId: string;
  status: TeamStatus;
}

export interface MazeQueueEntry {
  teamId: string;
  categoryId: string;
  name: string;
  attemptsUsed: number;
  attemptsAllowed: number;
  /** The attempt the team runs next; null once it has used every attempt. */
  nextAttempt: number | null;
}

/**
 * The running order of a maze field: round by round (every team's first attempt before anyone's
 * second), by name within a round, teams that have used every attempt last. Absent, withdrawn and
 * disqualified teams do not run. Teams of categories not given are left out.
 */
export function mazeAttemptQueue(
  categories: readonly MazeQueueCategory[],
  teams: readonly MazeQueueTeam[],
): MazeQueueEntry[] {
  const byCategory = new Map(
    categories.map((category) => [
      category.id,
      { category, attempts: mazeAttemptsByTeam(category.records) },
    ]),
  );
  const entries: MazeQueueEntry[] = [];
  for (const team of teams) {
    const known = byCategory.get(team.categoryId);
    if (!known || team.status !== 'active') continue;
    const attempts = known.attempts.get(team.id);
    entries.push({
      teamId: team.id,
      categoryId: team.categoryId,
      name: team.name,
      attemptsUsed: attempts?.length ?? 0,
      attemptsAllowed: known.category.attempts,
      nextAttempt: nextMazeAttempt(attempts, known.category.attempts),
    });
  }
  return entries.sort(
    (a, b) =>
      Number(a.nextAttempt === null) - Number(b.nextAttempt === null) ||
      a.attemptsUsed - b.attemptsUsed ||
      compareNames(a.name, b.name) ||
      (a.teamId < b.teamId ? -1 : a.teamId > b.teamId ? 1 : 0),
  );
}

/**
 * The teams still waiting to run, in order, leaving out the team on the field now (armed or
 * running): its attempt is under way, so the next one waiting is the one after it.
 */
export function mazeQueueWaiting<T extends MazeQueueEntry>(
  queue: readonly T[],
  onFieldTeamId: string | null = null,
): T[] {
  return queue.filter((entry) => entry.nextAttempt !== null && entry.teamId !== onFieldTeamId);
}

export interface MazeTable {
  id: string;
  /** The categories the table runs (its judges' assignments). */
  categoryIds: readonly string[];
}

export interface MazeTableTeam {
  id: string;
  name: string;
  categoryId: string;
}

/**
 * Which table calls each team (README, “Running the day”): a category run at one table has all its
 * teams there; a category run at several tables has its teams in name order cut into consecutive
 * blocks, one per table in the order given, sizes differing by at most one — so two tables never
 * call the same team, and a team runs every attempt at the same table. Every registered team of the
 * category counts (whatever its status), so marking a team absent does not move the others.
 * Teams of a category no table runs are not in the map.
 */
export function mazeTableOfTeams(
  tables: readonly MazeTable[],
  teams: readonly MazeTableTeam[],
): Map<string, string> {
  const tablesOf = new Map<string, string[]>();
  for (const table of tables) {
    for (const categoryId of table.categoryIds) {
      const list = tablesOf.get(categoryId) ?? [];
      if (!list.includes(table.id)) list.push(table.id);
      tablesOf.set(categoryId, list);
    }
  }
  const result = new Map<string, string>();
  for (const [categoryId, tableIds] of tablesOf) {
    const ordered = teams
      .filter((team) => team.categoryId === categoryId)
      .sort((a, b) => compareNames(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const base = Math.floor(ordered.length / tableIds.length);
    const larger = ordered.length % tableIds.length;
    let next = 0;
    tableIds.forEach((tableId, index) => {
      const size = base + (index < larger ? 1 : 0);
      for (const team of ordered.slice(next, next + size)) result.set(team.id, tableId);
      next += size;
    });
  }
  return result;
}

/** What the ledger says now of the attempt a finish gate recorded provisionally. */
export type ProvisionalAttemptState =
  | { kind: 'provisional' }
  /** A judge's entry replaced it (confirmed with touches, corrected, or voided: payload null). */
  | { kind: 'replaced'; entryId: string | null; payload: MazeAttemptPayload | null };

/**
 * Whether the gate's provisional attempt still stands: a correction superseding it, a void, or the
 * judge's own entry for the same attempt number replaces it (the last entry for an attempt counts,
 * as in the standings).
 */
export function provisionalAttemptState(
  records: readonly LedgerRecord[],
  provisional: { entryId: string; teamId: string; attempt: number },
): ProvisionalAttemptState {
  const standing = (mazeAttemptsByTeam(records).get(provisional.teamId) ?? []).filter(
    (recorded) => recorded.payload.attempt === provisional.attempt,
  );
  const last = standing[standing.length - 1];
  if (last?.entryId === provisional.entryId) return { kind: 'provisional' };
  if (!last && !records.some((record) => record.id === provisional.entryId)) {
    // Not stored (yet): the ledger cannot have replaced it.
    return { kind: 'provisional' };
  }
  return last
    ? { kind: 'replaced', entryId: last.entryId, payload: last.payload }
    : { kind: 'replaced', entryId: null, payload: null };
}
