import type { MazeAttemptPayload } from './maze-entries';

/**
 * The attempt the server records by itself when a finish gate stops a run (docs/architecture.md,
 * *The flow of a sensor event*): finished in the gates' time, or not finished when that is over the
 * time limit. The judge confirms or replaces it from the tablet.
 */
export function provisionalMazeAttempt(
  attempt: number,
  durationMs: number,
  timeLimitMs: number,
): MazeAttemptPayload {
  const overLimit = durationMs > timeLimitMs;
  return {
    attempt,
    outcome: overLimit ? 'not-finished' : 'finished',
    timeMs: overLimit ? null : durationMs,
    touches: 0,
    checkpoints: [],
    lastCheckpointMs: null,
    endedBy: overLimit ? 'time-limit' : null,
    timing: 'sensor',
  };
}

/** The judge's draft says what the provisional attempt said: confirming it changes nothing. */
export function sameAsProvisional(
  draft: Record<string, unknown>,
  provisional: MazeAttemptPayload,
): boolean {
  return Object.entries(provisional).every(([key, value]) => {
    const drafted = draft[key];
    if (!Array.isArray(value)) return drafted === value;
    return (
      Array.isArray(drafted) &&
      drafted.length === value.length &&
      value.every((item, index) => drafted[index] === item)
    );
  });
}
