/**
 * One way to write a result time, used by every app and document (docs/results-display.md).
 *
 * A time is shown with the precision its timing source has: thousandths for a field sensor (the
 * gates' clock counts microseconds), hundredths for the judge's stopwatch (a thumb is not more
 * exact than that). Within one table every time uses the finest precision any of its times has, so
 * 0:41.000 stands beside 0:56.838, never 0:41.00. Digits beyond the precision are cut, not
 * rounded: a shown time is never better than the measured one.
 */
export type TimePrecision = 'ms' | 'cs';

/** Where a time came from, as a maze attempt records it (null: not said). */
export type TimingSource = 'sensor' | 'stopwatch' | null;

/** The precision a time from `source` has; an unsaid source with thousandths is taken as a sensor's. */
export function timePrecisionOf(source: TimingSource, ms?: number | null): TimePrecision {
  if (source === 'sensor') return 'ms';
  if (source === 'stopwatch') return 'cs';
  return typeof ms === 'number' && Math.abs(ms) % 10 !== 0 ? 'ms' : 'cs';
}

/** The precision a table (or any list shown together) uses: the finest among its times. */
export function finestPrecision(
  precisions: Iterable<TimePrecision | null | undefined>,
): TimePrecision {
  for (const p of precisions) if (p === 'ms') return 'ms';
  return 'cs';
}

/** "1:02.350" (ms) or "1:02.35" (cs) for 62350 ms; minutes are never left out. */
export function formatResultTime(ms: number, precision: TimePrecision = 'ms'): string {
  const sign = ms < 0 ? '-' : '';
  const abs = Math.trunc(Math.abs(ms));
  const minutes = Math.floor(abs / 60000);
  const seconds = Math.floor((abs % 60000) / 1000);
  const millis = abs % 1000;
  const fraction =
    precision === 'ms'
      ? String(millis).padStart(3, '0')
      : String(Math.floor(millis / 10)).padStart(2, '0');
  return `${sign}${minutes}:${String(seconds).padStart(2, '0')}.${fraction}`;
}

/**
 * Reads a time as a person types it: "1:02.35", "1:02.350", "62.35", "62" (seconds), every digit
 * kept down to the millisecond. Null when it is not a time.
 */
export function parseResultTime(text: string): number | null {
  const match = /^\s*(?:(\d+):)?(\d+)(?:[.,](\d{1,3}))?\s*$/.exec(text);
  if (!match) return null;
  const minutes = match[1] === undefined ? 0 : Number(match[1]);
  const seconds = Number(match[2]);
  if (match[1] !== undefined && seconds >= 60) return null;
  const fraction = match[3] === undefined ? 0 : Number(match[3].padEnd(3, '0'));
  return minutes * 60000 + seconds * 1000 + fraction;
}
