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

export function scoreMazeAttempt(params: MazeParams, payload: MazeAttemptPayload): MazeAttemptResult {
  const base = { attempt: payload.attempt, touches: payload.touches };
  const penalty = params.touchPenalty;
  if (payload.outcome === 'void') return { ...NO_ATTEMPT, ...base };
  if (penalty.mode === 'void' && payload.touches > 0) {
    return { ...NO_ATTEMPT, ...base, voidedByTouch: true };
  }
  const addedMs = penalty.mode === 'time' ? payload.touches * penalty.ms : 0;
  const lostPoints = penalty.mode === 'points' ? payload.touches * penalty.points : 0;
  if (payload.outcome === 'finished' && payload.timeMs !== null) {
    const allPoints = params.checkpoints.reduce((sum, c) => sum + c.points, 0);
    return { ...base, class: 'finished', timeMs: payload.timeMs + addedMs, points: allPoints - lostPoints, voidedByTouch: false };
  }
  if (payload.checkpoints.length > 0 && payload.lastCheckpointMs !== null) {
    const reached = new Set(payload.checkpoints);
    const points = params.checkpoints.filter((c) => reached.has(c.id)).reduce((sum, c) => sum + c.points, 0);
    return { ...base, class: 'partial', timeMs: payload.lastCheckpointMs + addedMs, points: points - lostPoints, voidedByTouch: false };
  }
  return { ...NO_ATTEMPT, ...base };
}

/** Lower is better: class, then more points, then less time, then fewer touches. */
export function compareMazeAttempts(a: Omit<MazeAttemptResult, 'attempt'>, b: Omit<MazeAttemptResult, 'attempt'>): number {
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
