import { formatResultTime, timePrecisionOf, type TimePrecision } from '@olympiad/scoring';

/** Runs on a field are timed by its gates: the clock shows what the result will show. */
export const FIELD_TIMING_PRECISION: TimePrecision = timePrecisionOf('sensor');

/** 83 456 ms → "1:23.456": the field's clock in the precision of its timing (docs/results-display.md). */
export function clockText(ms: number, precision: TimePrecision = FIELD_TIMING_PRECISION): string {
  return formatResultTime(Math.max(0, ms), precision);
}

/** Milliseconds the run has been going, by the server's clock (`offsetMs` = server − local). */
export function elapsedMs(startedAt: string, offsetMs: number, localNow: number): number {
  return localNow + offsetMs - Date.parse(startedAt);
}
