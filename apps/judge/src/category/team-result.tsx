import { rowResultText, type StandingRow, type TimePrecision } from '@olympiad/scoring';
import { useLanguage } from '@olympiad/ui';

/**
 * A team's current result; "not scored yet" is its own state, never shown as 0. In a list, pass the
 * list's precision (`tablePrecisionOf` its rows) so every time in it has as many digits.
 */
export function TeamResult({
  row,
  precision,
}: {
  row: StandingRow | undefined;
  precision?: TimePrecision;
}) {
  const { t } = useLanguage();
  // A finish gate's time waits for the judge: shown with its state, never with a place.
  const unconfirmed = row?.unconfirmed ? (
    <span className="result result--unconfirmed">
      {t('board.unconfirmed', {
        time: row.unconfirmed.display,
      })}
    </span>
  ) : null;
  // Double entry: an attempt waits for the second judge or the head judge (docs/rules.md#double-entry).
  const review = row?.review ? (
    <span className="result result--review" data-review={row.review}>
      {t(`board.review.${row.review}`)}
    </span>
  ) : null;
  if (!row || row.status === 'not-scored') {
    return (
      review ?? unconfirmed ?? <span className="result result--none">{t('board.notScored')}</span>
    );
  }
  const shown = precision ? rowResultText(row, precision) : row.display;
  const status =
    row.status === 'ranked' ? null : t(`board.status.${row.status}` as 'board.status.dnf');
  return (
    <span className={`result result--${row.status}`}>
      {row.place !== null ? `${row.place}. ` : null}
      {shown ? <span className="digits">{shown}</span> : null}
      {shown && status ? ' · ' : null}
      {status}
      {unconfirmed ? ' · ' : null}
      {unconfirmed}
      {review ? ' · ' : null}
      {review}
    </span>
  );
}
