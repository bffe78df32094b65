import type { MazeParams } from './maze-rules';
import type { MazeAttemptPayload } from './maze-entries';

/** finished < partial (reached a checkpoint) < none (void, not started, nothing reached). */
export type MazeAttemptClass = 'finished' | 'partial' | 'none';

const CLASS_ORDER: Record<MazeAttemptClass, number> = { finished: 0, partial: 1, none: 2 };

export interface MazeAttemptResult {
  attempt: number;
  class: MazeAttemptClass;
  /** Ranking time: finish time (or time to the last checkpoint) plus time penalties; 0 for none. */
  timeMs: number;
  /** Checkpoint points minus point penalties. */
  points: number;
  touches: number;
  /** The attempt was voided by a touch under the 'void' penalty. */
  voidedByTouch: boolean;
}

export const NO_ATTEMPT: Omit<MazeAttemptResult, 'attempt'> = {
  class: 'none',
  timeMs: 0,
  points: 0,
  touches: 0,
  voidedByTouch: false,
};

function result(
  attempt: number,
  cls: MazeAttemptClass,
  timeMs: number,
  points: number,
  touches: number,
  voidedByTouch: boolean,
): MazeAttemptResult {
  return { attempt, class: cls, timeMs, points, touches, voidedByTouch };
}

export function scoreMazeAttempt(
  params: MazeParams,
  payload: MazeAttemptPayload,
): MazeAttemptResult {
  const { attempt, touches } = payload;
  const penalty = params.touchPenalty;
  if (payload.outcome === 'void') return result(attempt, 'none', 0, 0, touches, false);
  if (penalty.mode === 'void' && touches > 0) return result(attempt, 'none', 0, 0, touches, true);
  const addedMs = penalty.mode === 'time' ? touches * penalty.ms : 0;
  const lostPoints = penalty.mode === 'points' ? touches * penalty.points : 0;
  let points = 0;
  if (payload.outcome === 'finished' && payload.timeMs !== null) {
    for (const c of params.checkpoints) points += c.points;
    return result(
      attempt,
      'finished',
      payload.timeMs + addedMs,
      points - lostPoints,
      touches,
      false,
    );
  }
  if (payload.checkpoints.length > 0 && payload.lastCheckpointMs !== null) {
    for (const c of params.checkpoints) if (payload.checkpoints.includes(c.id)) points += c.points;
    return result(
      attempt,
      'partial',
      payload.lastCheckpointMs + addedMs,
      points - lostPoints,
      touches,
      false,
    );
  }
  return result(attempt, 'none', 0, 0, touches, false);
}

/** Lower is better: class, then more points, then less time, then fewer touches. */
export function compareMazeAttempts(
  a: Omit<MazeAttemptResult, 'attempt'>,
  b: Omit<MazeAttemptResult, 'attempt'>,
): number {
  return (
    CLASS_ORDER[a.class] - CLASS_ORDER[b.class] ||
    b.points - a.points ||
    a.timeMs - b.timeMs ||
    (a.class === 'none' ? 0 : a.touches - b.touches)
  );
}

export function mazeAttemptClassRank(cls: MazeAttemptClass): number {
  return CLASS_ORDER[cls];
}
