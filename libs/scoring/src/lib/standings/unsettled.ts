import type { StandingRow } from '../ledger.types';

/**
 * Why a category's places are not settled yet, or null when they are: a field sensor's time
 * awaiting the judge (docs/results-display.md) or a double-entry attempt awaiting its second
 * entry or the head judge's decision (docs/rules.md#double-entry). Either leaves a team out of the
 * places it may hold, so nothing that hands out places (a lock, diplomas, the awards ceremony)
 * goes ahead while one remains. A sensor time is named first: it is the field judge's to settle.
 */
export function unsettledReason(
  rows: readonly Pick<StandingRow, 'review' | 'unconfirmed'>[],
): 'unconfirmed' | 'review' | null {
  if (rows.some((row) => row.unconfirmed)) return 'unconfirmed';
  if (rows.some((row) => row.review)) return 'review';
  return null;
}
