import type { StandingsSnapshot } from '@olympiad/contracts';
import { useLanguage } from '@olympiad/ui';
import type { StandingRow } from '@olympiad/scoring';
import { resultText } from './result-text';

export interface StandingsTableProps {
  standings: StandingsSnapshot;
  rows?: StandingRow[];
  className?: string;
}

/** Place, team (with school) and result; unranked rows say why, in words. */
export function StandingsTable({
  standings,
  rows = standings.standings.rows,
  className,
}: StandingsTableProps) {
  const { t } = useLanguage();
  return (
    <table className={['standings', className].filter(Boolean).join(' ')}>
      <thead>
        <tr>
          <th scope="col" className="standings__place">
            {t('board.table.place')}
          </th>
          <th scope="col">{t('board.table.team')}</th>
          <th scope="col" className="standings__result">
            {t('board.table.result')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const team = standings.teams[row.teamId];
          return (
            <tr
              key={row.teamId}
              className={`standings__row standings__row--${row.status}`}
              data-team={row.teamId}
            >
              <td className="standings__place">{row.place ?? ''}</td>
              <td>
                <span className="standings__team">{team?.name ?? '…'}</span>
                {team?.school ? <span className="standings__school">{team.school}</span> : null}
              </td>
              <td className={`standings__result standings__result--${row.status}`}>
                {resultText(row, t)}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
