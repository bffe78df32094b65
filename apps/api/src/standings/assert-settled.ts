import { unsettledReason, type StandingRow } from '@olympiad/scoring';
import { conflict } from '../common/api-error';

/**
 * Refuses what hands out places (diplomas, the awards ceremony, qualification) while one of the category's rows
 * is not settled (`unsettledReason`): a 409 that names what to settle, and nothing is written.
 */
export function assertSettled(rows: readonly Pick<StandingRow, 'review' | 'unconfirmed'>[]): void {
  const reason = unsettledReason(rows);
  if (reason === 'unconfirmed')
    throw conflict(
      'results.unconfirmedPending',
      'A finish time in this category still waits for the field judge: confirm or void it before diplomas, awards or qualification',
    );
  if (reason === 'review')
    throw conflict(
      'results.doubleEntryPending',
      'An attempt or match in this category awaits its second entry or the head judge’s decision: settle it before diplomas, awards or qualification',
    );
}
