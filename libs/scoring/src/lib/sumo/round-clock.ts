import type { SumoMatchRules } from './sumo-rules';

/**
 * A sumo ring's clock as the judge's tablet last reported it and the server stamped it: a display
 * hint for screens, never a score (docs/results-display.md#the-sumo-round-clock).
 */
export interface RoundClockReport {
  state: 'running' | 'paused' | 'ended';
  /** Time of the round (or match) used when the tablet took the state. */
  elapsedMs: number;
  /** What was left of the start delay then: the clock counts only after it. */
  startsInMs: number;
  /** The time one clock counts down, as the rules give it. */
  roundMs: number;
  /** Server time (ms) the state was taken at. */
  at: number;
}

/** States a screen keeps showing past a round's length: a tablet gone offline leaves no clock. */
export const ROUND_CLOCK_MARGIN_MS = 30_000;

/** The time one clock counts down: the whole match's time, or a round's with per-round timing. */
export function roundClockLengthMs(rules: SumoMatchRules): number {
  return rules.timing === 'total' ? rules.matchTimeMs : rules.roundTimeMs;
}

/**
 * The time left to show at `serverNow` (server ms), counting down as the tablet does; frozen while
 * paused or ended; null when the state is older than the round's length and a margin, so a
 * tablet that went offline leaves no stale clock on screen.
 */
export function roundClockLeftMs(
  clock: RoundClockReport,
  serverNow: number,
  marginMs: number = ROUND_CLOCK_MARGIN_MS,
): number | null {
  const since = Math.max(0, serverNow - clock.at);
  if (since > clock.startsInMs + clock.roundMs + marginMs) return null;
  const counted = clock.state === 'running' ? Math.max(0, since - clock.startsInMs) : 0;
  return Math.max(0, Math.min(clock.roundMs, clock.roundMs - clock.elapsedMs - counted));
}
