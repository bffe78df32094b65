import type { SumoMatchRules } from '@olympiad/scoring';

/**
 * The match clock as data, so that it can be kept on the tablet and survive a reload: the match
 * time used before the last start, and when the clock was last started (wall-clock ms, null while
 * stopped). The start delay counts from a start with nothing used yet.
 */
export interface ClockState {
  usedMs: number;
  runningSince: number | null;
}

export const CLOCK_AT_START: ClockState = { usedMs: 0, runningSince: null };

/** Wall-clock ms on the page's monotonic clock: what `runningSince` counts in, across reloads too. */
export function wallClock(performanceNow: number = performance.now()): number {
  return performance.timeOrigin + performanceNow;
}

export interface ClockReading {
  /** The robots wait the start delay; `startInMs` is what is left of it. */
  waiting: boolean;
  startInMs: number;
  leftMs: number;
  running: boolean;
}

/** The time one clock counts down: the match time, or a round's with per-round timing. */
export function clockTotalMs(rules: SumoMatchRules): number {
  return rules.timing === 'total' ? rules.matchTimeMs : rules.roundTimeMs;
}

function startDelayMs(rules: SumoMatchRules): number {
  return rules.start === 'delay' ? rules.startDelayMs : 0;
}

function usedAt(rules: SumoMatchRules, clock: ClockState, now: number): number {
  if (clock.runningSince === null) return clock.usedMs;
  const since = Math.max(0, now - clock.runningSince);
  const delay = clock.usedMs === 0 ? startDelayMs(rules) : 0;
  return Math.min(clockTotalMs(rules), clock.usedMs + Math.max(0, since - delay));
}

export function readClock(rules: SumoMatchRules, clock: ClockState, now: number): ClockReading {
  const running = clock.runningSince !== null;
  const since = running ? Math.max(0, now - (clock.runningSince as number)) : 0;
  const waiting = running && clock.usedMs === 0 && since < startDelayMs(rules);
  return {
    waiting,
    startInMs: waiting ? startDelayMs(rules) - since : 0,
    leftMs: clockTotalMs(rules) - usedAt(rules, clock, now),
    running,
  };
}

/** Start (or go on after a pause); a clock with no time left does not start. */
export function startClock(rules: SumoMatchRules, clock: ClockState, now: number): ClockState {
  if (clock.runningSince !== null || clock.usedMs >= clockTotalMs(rules)) return clock;
  return { usedMs: clock.usedMs, runningSince: now };
}

/** Stop and keep the time used; stopped within the start delay, it waits for a new start signal. */
export function stopClock(rules: SumoMatchRules, clock: ClockState, now: number): ClockState {
  if (clock.runningSince === null) return clock;
  return { usedMs: usedAt(rules, clock, now), runningSince: null };
}

/** A running clock whose time ran out stops by itself (at zero), as at the end of the match. */
export function settleClock(rules: SumoMatchRules, clock: ClockState, now: number): ClockState {
  return clock.runningSince !== null && usedAt(rules, clock, now) >= clockTotalMs(rules)
    ? { usedMs: clockTotalMs(rules), runningSince: null }
    : clock;
}
