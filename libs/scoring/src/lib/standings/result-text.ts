import { finestPrecision, formatResultTime, type TimePrecision } from '../common/format-time';
import type { StandingRow } from '../ledger.types';

type ShownResult = Pick<StandingRow, 'display' | 'primary' | 'timePrecision'>;

/** The precision a table of standing rows writes its times in: the finest any row's time has. */
export function tablePrecisionOf(
  rows: Iterable<Pick<StandingRow, 'timePrecision'>>,
): TimePrecision {
  return finestPrecision(Array.from(rows, (row) => row.timePrecision));
}

/**
 * A row's result as a table shows it: its `display` with the time written in the table's precision
 * ("0:41.000" beside "0:56.838", docs/results-display.md). Language-neutral; a row with no result
 * gives "" and the app writes its status.
 */
export function rowResultText(row: ShownResult, tablePrecision: TimePrecision): string {
  if (!row.timePrecision || row.primary === null || row.timePrecision === tablePrecision) {
    return row.display;
  }
  // The display holds the time written by formatResultTime in the row's own precision.
  const own = formatResultTime(row.primary, row.timePrecision);
  return row.display.replace(own, formatResultTime(row.primary, tablePrecision));
}
