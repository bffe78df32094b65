import { formatMs } from '../common/format-time';
import type { KeyPart } from '../ranking/rank-key';
import type { EffectiveEntry, EntryWarning, TeamScore } from '../standings/discipline-engine';
import {
  compareMazeAttempts,
  mazeAttemptClassRank,
  NO_ATTEMPT,
  scoreMazeAttempt,
  type MazeAttemptResult,
} from './maze-attempt';
import { mazeAttemptPayloadSchema, MAZE_ATTEMPT } from './maze-entries';
import type { MazeParams } from './maze-rules';

/** How many of the sorted attempts make the team result. */
export function countedAttempts(params: MazeParams): number {
  switch (params.teamResult.mode) {
    case 'best':
      return 1;
    case 'sum-best':
      return params.teamResult.count;
    case 'mean':
      return params.attempts;
  }
}

/** The team's attempts by number; a later entry for the same attempt number replaces an earlier one. */
export function collectMazeAttempts(
  params: MazeParams,
  entries: readonly EffectiveEntry[],
): { attempts: MazeAttemptResult[]; warnings: EntryWarning[] } {
  const byNumber = new Map<number, { seq: number; result: MazeAttemptResult }>();
  const warnings: EntryWarning[] = [];
  for (const entry of entries) {
    if (entry.record.kind !== MAZE_ATTEMPT) continue;
    const parsed = mazeAttemptPayloadSchema.safeParse(entry.record.payload);
    if (!parsed.success || parsed.data.attempt > params.attempts) {
      warnings.push({ entryId: entry.record.id, key: 'scoring.ledger.invalidPayload', message: 'attempt entry does not fit the rules; ignored' });
      continue;
    }
    const previous = byNumber.get(parsed.data.attempt);
    if (previous && previous.seq > entry.record.seq) continue;
    if (previous) {
      warnings.push({
        entryId: entry.record.id,
        key: 'scoring.maze.attemptRecordedTwice',
        message: `attempt ${parsed.data.attempt} was recorded twice; the later entry counts`,
      });
    }
    byNumber.set(parsed.data.attempt, { seq: entry.record.seq, result: scoreMazeAttempt(params, parsed.data) });
  }
  const attempts = [...byNumber.values()].map((v) => v.result).sort((a, b) => a.attempt - b.attempt);
  return { attempts, warnings };
}

function attemptKey(a: Omit<MazeAttemptResult, 'attempt'>): KeyPart[] {
  return [mazeAttemptClassRank(a.class), -a.points, a.timeMs];
}

export function scoreMazeTeam(params: MazeParams, entries: readonly EffectiveEntry[]): TeamScore {
  const { attempts, warnings } = collectMazeAttempts(params, entries);
  const sorted = attempts.slice().sort((a, b) => compareMazeAttempts(a, b) || a.attempt - b.attempt);
  const padded: Omit<MazeAttemptResult, 'attempt'>[] = [...sorted];
  while (padded.length < params.attempts) padded.push(NO_ATTEMPT);

  const n = countedAttempts(params);
  const counted = padded.slice(0, n);
  const rest = padded.slice(n);
  const finishedCount = counted.filter((a) => a.class === 'finished').length;
  const withResult = counted.filter((a) => a.class !== 'none');
  const points = withResult.reduce((sum, a) => sum + a.points, 0);
  const timeSum = withResult.reduce((sum, a) => sum + a.timeMs, 0);
  const touches = withResult.reduce((sum, a) => sum + a.touches, 0);

  const key: KeyPart[] = [-finishedCount, -points, timeSum];
  for (const tieBreak of params.tieBreaks) {
    if (tieBreak === 'second-best') for (const a of rest) key.push(...attemptKey(a));
    if (tieBreak === 'fewer-touches') key.push(touches);
  }

  const countedNumbers = new Set(sorted.slice(0, n).filter((a) => a.class !== 'none').map((a) => a.attempt));
  const resultMs = params.teamResult.mode === 'mean' ? Math.floor(timeSum / n) : timeSum;
  const status = withResult.length > 0 ? 'ranked' : attempts.length > 0 ? 'dnf' : 'not-scored';
  const pointsMatter = params.touchPenalty.mode === 'points' || params.checkpoints.some((c) => c.points > 0);
  let display = status === 'ranked' ? formatMs(resultMs) : '';
  if (status === 'ranked' && pointsMatter) display = `${points} · ${display}`;
  if (status === 'ranked' && n > 1 && finishedCount < n) display += ` (${finishedCount}/${n})`;

  return {
    status,
    key,
    primary: status === 'ranked' ? resultMs : null,
    display,
    detail: {
      attempts: attempts.map((a) => ({ ...a, counted: countedNumbers.has(a.attempt) })),
      finished: attempts.some((a) => a.class === 'finished'),
      finishedCount,
      points,
      resultMs: status === 'ranked' ? resultMs : null,
      touches,
    },
    warnings,
  };
}
