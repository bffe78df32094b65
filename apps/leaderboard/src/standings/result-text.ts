import type { MessageKey } from '@olympiad/i18n';
import {
  rowResultText,
  tablePrecisionOf,
  type StandingRow,
  type TimePrecision,
} from '@olympiad/scoring';

const statusKeys: Partial<Record<StandingRow['status'], MessageKey>> = {
  'not-scored': 'board.notScored',
  dnf: 'board.status.dnf',
  disqualified: 'board.status.disqualified',
  absent: 'board.status.absent',
  withdrawn: 'board.status.withdrawn',
};

/**
 * The precision a category's table writes every time in: the finest any of its results has,
 * those awaiting the judge included (docs/results-display.md).
 */
export function precisionOfTable(rows: readonly StandingRow[]): TimePrecision {
  return tablePrecisionOf(
    rows.flatMap((row) => (row.unconfirmed ? [row, row.unconfirmed] : [row])),
  );
}

/**
 * What the result column says: the result of a ranked team, otherwise why there is none. "Not
 * scored yet" is a words-only state, never a 0 or a dash that could be read as a result.
 */
export function resultText(
  row: StandingRow,
  t: (key: MessageKey) => string,
  precision: TimePrecision,
): string {
  if (row.status === 'ranked') return rowResultText(row, precision);
  const key = statusKeys[row.status];
  return key ? t(key) : row.display;
}

/** A sensor's result that awaits the judge, written like the table's times; null when none does. */
export function unconfirmedText(row: StandingRow, precision: TimePrecision): string | null {
  return row.unconfirmed ? rowResultText(row.unconfirmed, precision) : null;
}
