import type { MessageKey } from '@olympiad/i18n';
import type { StandingRow } from '@olympiad/scoring';

const statusKeys: Partial<Record<StandingRow['status'], MessageKey>> = {
  'not-scored': 'board.notScored',
  dnf: 'board.status.dnf',
  disqualified: 'board.status.disqualified',
  absent: 'board.status.absent',
  withdrawn: 'board.status.withdrawn',
};

/**
 * What the result column says: the result of a ranked team, otherwise why there is none. "Not
 * scored yet" is a words-only state, never a 0 or a dash that could be read as a result.
 */
export function resultText(row: StandingRow, t: (key: MessageKey) => string): string {
  if (row.status === 'ranked') return row.display;
  const key = statusKeys[row.status];
  return key ? t(key) : row.display;
}
