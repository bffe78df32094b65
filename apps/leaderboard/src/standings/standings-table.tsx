import type { StandingsSnapshot } from '@olympiad/contracts';
import { useLanguage } from '@olympiad/ui';
import type { StandingRow } from '@olympiad/scoring';
import { useRef } from 'react';
import { resultText } from './result-text';
import { useRowMotion } from './use-row-motion';

export interface StandingsTableProps {
  standings: StandingsSnapshot;
  rows?: StandingRow[];
  className?: string;
  /** Phone view: the team this viewer follows, and a way to (un)follow one. */
  followed?: string | null;
  onFollow?: (teamId: string) => void;
}

/** Place, team (with school) and result; unranked rows say why, in words. */
export function StandingsTable({
  standings,
  rows = standings.standings.rows,
  className,
  followed,
  onFollow,
}: StandingsTableProps) {
  const { t } = useLanguage();
  const body = useRef<HTMLTableSectionElement>(null);
  useRowMotion(body, rows.map((row) => `${row.teamId}:${row.place}`).join('|'));
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
          {onFollow ? (
            <th scope="col" className="standings__follow">
              <span className="visually-hidden">{t('board.follow')}</span>
            </th>
          ) : null}
        </tr>
      </thead>
      <tbody ref={body}>
        {rows.map((row) => {
          const team = standings.teams[row.teamId];
          return (
            <tr
              key={row.teamId}
              className={`standings__row standings__row--${row.status}${
                row.teamId === followed ? ' standings__row--followed' : ''
              }`}
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
              {onFollow ? (
                <td className="standings__follow">
                  <button
                    type="button"
                    className="follow-button"
                    aria-pressed={row.teamId === followed}
                    aria-label={t(row.teamId === followed ? 'board.unfollow' : 'board.follow', {
                      name: team?.name ?? '',
                    })}
                    onClick={() => onFollow(row.teamId)}
                  >
                    {row.teamId === followed ? '★' : '☆'}
                  </button>
                </td>
              ) : null}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
