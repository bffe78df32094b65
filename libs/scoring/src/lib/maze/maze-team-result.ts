import {
  finestPrecision,
  formatResultTime,
  timePrecisionOf,
  type TimePrecision,
} from '../common/format-time';
import { parsePayload } from '../common/parse-payload';
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
import { unfinishedTeamsOf, type MazeParams } from './maze-rules';

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

/** An attempt's result with the precision of its time's source (docs/results-display.md). */
export interface TimedMazeAttempt extends MazeAttemptResult {
  timePrecision: TimePrecision;
}

/**
 * The team's attempts by number. When one attempt number was recorded twice (not as a correction),
 * the entry first recorded later counts; correcting the older one does not bring it back.
 */
export function collectMazeAttempts(
  params: MazeParams,
  entries: readonly EffectiveEntry[],
): { attempts: TimedMazeAttempt[]; warnings: EntryWarning[] } {
  const byNumber = new Map<number, { seq: number; result: TimedMazeAttempt }>();
  const warnings: EntryWarning[] = [];
  for (const entry of entries) {
    if (entry.record.kind !== MAZE_ATTEMPT) continue;
    const parsed = parsePayload(mazeAttemptPayloadSchema, entry.record.payload);
    if (!parsed || parsed.attempt > params.attempts) {
      warnings.push({
        entryId: entry.record.id,
        key: 'scoring.ledger.invalidPayload',
        message: 'attempt entry does not fit the rules; ignored',
      });
      continue;
    }
    const previous = byNumber.get(parsed.attempt);
    if (previous && previous.seq > entry.rootSeq) continue;
    if (previous) {
      warnings.push({
        entryId: entry.record.id,
        key: 'scoring.maze.attemptRecordedTwice',
        message: `attempt ${parsed.attempt} was recorded twice; the later entry counts`,
      });
    }
    const timePrecision = timePrecisionOf(parsed.timing, parsed.timeMs ?? parsed.lastCheckpointMs);
    byNumber.set(parsed.attempt, {
      seq: entry.rootSeq,
      result: { ...scoreMazeAttempt(params, parsed), timePrecision },
    });
  }
  const attempts = [...byNumber.values()]
    .map((v) => v.result)
    .sort((a, b) => a.attempt - b.attempt);
  return { attempts, warnings };
}

function pushAttemptKey(key: KeyPart[], a: Omit<MazeAttemptResult, 'attempt'>): void {
  key.push(mazeAttemptClassRank(a.class), -a.points, a.timeMs);
}

export interface MazeAttemptDetail extends TimedMazeAttempt {
  /** The attempt is one of those that make the team result. */
  counted: boolean;
}

export function scoreMazeTeam(params: MazeParams, entries: readonly EffectiveEntry[]): TeamScore {
  const { attempts, warnings } = collectMazeAttempts(params, entries);
  const sorted: (Omit<MazeAttemptResult, 'attempt'> & { timePrecision?: TimePrecision })[] =
    attempts.slice().sort((a, b) => compareMazeAttempts(a, b) || a.attempt - b.attempt);
  while (sorted.length < params.attempts) sorted.push(NO_ATTEMPT);

  const n = countedAttempts(params);
  let finishedCount = 0;
  let withResult = 0;
  let points = 0;
  let timeSum = 0;
  let touches = 0;
  const precisions: (TimePrecision | undefined)[] = [];
  for (let i = 0; i < n; i++) {
    const a = sorted[i];
    if (a.class === 'none') continue;
    if (a.class === 'finished') finishedCount++;
    precisions.push(a.timePrecision);
    withResult++;
    points += a.points;
    timeSum += a.timeMs;
    touches += a.touches;
  }

  const placedWithoutResult =
    withResult === 0 &&
    attempts.length > 0 &&
    unfinishedTeamsOf(params) === 'placed-after-finishers';
  // The first part puts teams without a result after every team with one; they are level with each other.
  const key: KeyPart[] = [withResult > 0 ? 0 : 1, -finishedCount, -points, timeSum];
  for (const tieBreak of params.tieBreaks) {
    if (tieBreak === 'second-best')
      for (let i = n; i < sorted.length; i++) pushAttemptKey(key, sorted[i]);
    if (tieBreak === 'fewer-touches') key.push(touches);
  }

  // The mean is shown over the attempts that have a result; the ranking compares exact sums.
  const resultMs =
    params.teamResult.mode === 'mean' && withResult > 0
      ? Math.floor(timeSum / withResult)
      : timeSum;
  const status =
    withResult > 0 || placedWithoutResult ? 'ranked' : attempts.length > 0 ? 'dnf' : 'not-scored';
  const pointsMatter =
    params.touchPenalty.mode === 'points' || params.checkpoints.some((c) => c.points > 0);
  // A sum or mean of times is as fine as the finest time in it.
  const timePrecision = finestPrecision(precisions);
  let display = withResult > 0 ? formatResultTime(resultMs, timePrecision) : '';
  if (placedWithoutResult) display = '—';
  if (withResult > 0 && pointsMatter) display = `${points} · ${display}`;
  if (withResult > 0 && n > 1 && finishedCount < n) display += ` (${finishedCount}/${n})`;

  const counted = sorted.slice(0, n);
  const details: MazeAttemptDetail[] = attempts.map((a) => ({
    attempt: a.attempt,
    class: a.class,
    timeMs: a.timeMs,
    points: a.points,
    touches: a.touches,
    voidedByTouch: a.voidedByTouch,
    timePrecision: a.timePrecision,
    counted: a.class !== 'none' && counted.includes(a),
  }));
  const score: TeamScore = {
    status,
    key,
    primary: withResult > 0 ? resultMs : null,
    display,
    detail: {
      attempts: details,
      finished: finishedCount > 0 || attempts.some((a) => a.class === 'finished'),
      finishedCount,
      points,
      resultMs: withResult > 0 ? resultMs : null,
      touches,
    },
    warnings,
  };
  if (withResult > 0) score.timePrecision = timePrecision;
  return score;
}
