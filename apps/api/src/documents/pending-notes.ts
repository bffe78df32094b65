import { t } from '@olympiad/i18n';
import { rowResultText, type StandingRow, type TimePrecision } from '@olympiad/scoring';
import type { DocumentLabel } from './bilingual-labels';

/**
 * What a team's row still waits for, worded as the standings on every screen word it: an attempt
 * awaiting its second judge or in the head judge's review (docs/rules.md#double-entry), a
 * sensor-timed result awaiting the judge (docs/results-display.md). A protocol or export made while
 * the category is open prints these, so a result that is not settled never reads as final.
 */
export function pendingNotes(
  row: Pick<StandingRow, 'review' | 'unconfirmed'>,
  tablePrecision: TimePrecision,
): Required<DocumentLabel>[] {
  const notes: Required<DocumentLabel>[] = [];
  const { review, unconfirmed } = row;
  if (unconfirmed) {
    const time = rowResultText(unconfirmed, tablePrecision);
    notes.push({
      kk: t('kk', 'board.unconfirmed', { time }),
      ru: t('ru', 'board.unconfirmed', { time }),
      en: t('en', 'board.unconfirmed', { time }),
    });
  }
  if (review) {
    const key = `board.review.${review}` as const;
    notes.push({ kk: t('kk', key), ru: t('ru', key), en: t('en', key) });
  }
  return notes;
}

/**
 * Whether a row's status is printed beside its notes: not "no result" for a team whose only
 * result is the one awaited (screens show just the note there), but a status that stands anyway
 * (absent, disqualified, did not finish) is.
 */
export function statusBeside(row: Pick<StandingRow, 'status'>, notes: readonly unknown[]): boolean {
  return row.status !== 'ranked' && !(row.status === 'not-scored' && notes.length > 0);
}
