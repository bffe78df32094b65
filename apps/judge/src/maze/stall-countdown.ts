/**
 * The stall limit as a countdown (docs/judge-tablet.md#the-maze-field): it starts with the attempt,
 * the judge restarts it each time the robot makes progress, and it expires once the robot has
 * made none for the whole limit. Times come from the caller's clock (performance.now() on the
 * tablet), so the state is plain data.
 */
export type StallCountdown =
  | { state: 'idle'; limitMs: number }
  | { state: 'running'; limitMs: number; deadline: number }
  /** The attempt ended (stopwatch stopped, run finished) with this much left. */
  | { state: 'stopped'; limitMs: number; remainingMs: number };

export function idleStall(limitMs: number): StallCountdown {
  return { state: 'idle', limitMs };
}

/** The attempt started at `now`: the full limit counts down from here. */
export function startStall(countdown: StallCountdown, now: number): StallCountdown {
  return { state: 'running', limitMs: countdown.limitMs, deadline: now + countdown.limitMs };
}

/** The robot made progress at `now`: the full limit again, unless it already ran out. */
export function restartStall(countdown: StallCountdown, now: number): StallCountdown {
  if (countdown.state !== 'running' || stallExpired(countdown, now)) return countdown;
  return startStall(countdown, now);
}

/** The attempt ended at `now`: the countdown stops where it was. */
export function stopStall(countdown: StallCountdown, now: number): StallCountdown {
  if (countdown.state !== 'running') return countdown;
  return {
    state: 'stopped',
    limitMs: countdown.limitMs,
    remainingMs: stallRemaining(countdown, now),
  };
}

/** Milliseconds left: the full limit before the start, never below 0 nor above the limit. */
export function stallRemaining(countdown: StallCountdown, now: number): number {
  if (countdown.state === 'idle') return countdown.limitMs;
  if (countdown.state === 'stopped') return countdown.remainingMs;
  return Math.min(countdown.limitMs, Math.max(0, countdown.deadline - now));
}

/** The robot made no progress for the whole limit while the attempt ran. */
export function stallExpired(countdown: StallCountdown, now: number): boolean {
  return stallRemaining(countdown, now) === 0 && countdown.state !== 'idle';
}
