import type { StandingRow } from '@olympiad/scoring';
import { useLanguage } from '@olympiad/ui';

/** A team's current result; "not scored yet" is its own state, never shown as 0. */
export function TeamResult({ row }: { row: StandingRow | undefined }) {
  const { t } = useLanguage();
  if (!row || row.status === 'not-scored') {
    return <span className="result result--none">{t('board.notScored')}</span>;
  }
  const status =
    row.status === 'ranked' ? null : t(`board.status.${row.status}` as 'board.status.dnf');
  return (
    <span className={`result result--${row.status}`}>
      {row.place !== null ? `${row.place}. ` : null}
      {row.display ? <span className="digits">{row.display}</span> : null}
      {row.display && status ? ' · ' : null}
      {status}
    </span>
  );
}
