import type { StandingsSnapshot } from '@olympiad/contracts';
import { useLanguage } from '@olympiad/ui';
import type { StandingRow } from '@olympiad/scoring';
import { useRef } from 'react';
import { precisionOfTable, resultText, unconfirmedText } from './result-text';
import { useRowMotion } from './use-row-motion';
import { WholeWords } from './whole-words';

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
  // Every row of the category counts, also those scrolled or filtered away: one way per table.
  const precision = precisionOfTable(standings.standings.rows);
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
              <span className="visually-hidden">{t('board.table.follow')}</span>
            </th>
          ) : null}
        </tr>
      </thead>
      <tbody ref={body}>
        {rows.map((row) => {
          const team = standings.teams[row.teamId];
          const waiting = unconfirmedText(row, precision);
          return (
            <tr
              key={row.teamId}
              className={`standings__row standings__row--${row.status}${
                row.teamId === followed ? ' standings__row--followed' : ''
              }${waiting ? ' standings__row--unconfirmed' : ''}`}
              data-team={row.teamId}
            >
              <td className="standings__place">{row.place ?? ''}</td>
              <td>
                <span className="standings__team">
                  <WholeWords text={team?.name ?? '…'} />
                </span>
                {team?.school ? (
                  <span className="standings__school">
                    <WholeWords text={team.school} />
                  </span>
                ) : null}
                {waiting ? (
                  <span className="standings__unconfirmed">
                    {t('board.unconfirmed', { time: waiting })}
                  </span>
                ) : null}
                {row.review ? (
                  <span
                    className="standings__unconfirmed standings__review"
                    data-review={row.review}
                  >
                    {t(`board.review.${row.review}`)}
                  </span>
                ) : null}
              </td>
              <td className={`standings__result standings__result--${row.status}`}>
                {resultText(row, t, precision)}
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
