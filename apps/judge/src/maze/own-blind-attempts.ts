import {
  DOUBLE_PENDING,
  MAZE_ATTEMPT,
  nextMazeAttempt,
  parseDoublePending,
  resolveLedger,
  type LedgerRecord,
  type RecordedMazeAttempt,
} from '@olympiad/scoring';

/**
 * Attempts of a double-entry category (docs/rules.md#double-entry) this judge has nothing more to
 * enter for, by team, though they count for nobody yet: the ones they entered that await the
 * second judge, and every one in review (both judges have entered it).
 */
export function ownBlindAttempts(
  records: readonly LedgerRecord[],
  judgeId: string,
): Map<string, Set<number>> {
  const byTeam = new Map<string, Set<number>>();
  for (const { record } of resolveLedger(records).effective) {
    if (record.kind !== DOUBLE_PENDING || !record.teamId) continue;
    const pending = parseDoublePending(record.payload);
    if (pending?.state !== 'in-review' && record.authorId !== judgeId) continue;
    const slot = pending?.slot ?? '';
    const [kind, , attempt] = slot.split(':');
    if (kind !== MAZE_ATTEMPT || !/^\d+$/.test(attempt ?? '')) continue;
    const set = byTeam.get(record.teamId) ?? new Set<number>();
    set.add(Number(attempt));
    byTeam.set(record.teamId, set);
  }
  return byTeam;
}

/** The team's next attempt for this judge: neither counted nor already entered by them. */
export function nextOwnMazeAttempt(
  counted: readonly RecordedMazeAttempt[] | undefined,
  entered: ReadonlySet<number> | undefined,
  max: number,
): number | null {
  const blind: RecordedMazeAttempt[] = [...(entered ?? [])].map((attempt) => ({
    entryId: `blind:${attempt}`,
    payload: { attempt } as RecordedMazeAttempt['payload'],
  }));
  return nextMazeAttempt([...(counted ?? []), ...blind], max);
}
