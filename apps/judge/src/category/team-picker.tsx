import type { Team } from '@olympiad/contracts';
import { compareNames } from '@olympiad/i18n';
import { type StandingRow, tablePrecisionOf } from '@olympiad/scoring';
import { useLanguage } from '@olympiad/ui';
import { useMemo } from 'react';
import { revealWork } from './reveal-work';
import { TeamResult } from './team-result';
import { useWaitingByTeam, WaitingMark } from './waiting-by-team';

/** The category's teams in name order, each with its result so far; one is chosen. */
export function TeamPicker({
  teams,
  rows,
  chosen,
  onChoose,
  title,
}: {
  teams: readonly Team[];
  rows: ReadonlyMap<string, StandingRow>;
  chosen: string | null;
  onChoose: (teamId: string) => void;
  title: string;
}) {
  const { lang } = useLanguage();
  const waiting = useWaitingByTeam();
  const precision = tablePrecisionOf(rows.values());
  const ordered = useMemo(
    () => [...teams].sort((a, b) => compareNames(a.name, b.name, lang)),
    [teams, lang],
  );
  return (
    <div className="panel queue" aria-label={title}>
      <h3>{title}</h3>
      <ul className="queue__list">
        {ordered.map((team) => (
          <li key={team.id}>
            <button
              type="button"
              className={`queue__team ${team.id === chosen ? 'queue__team--on' : ''}`}
              aria-pressed={team.id === chosen}
              onClick={() => {
                onChoose(team.id);
                revealWork('team-work');
              }}
            >
              <span className="queue__name">
                {team.name} <WaitingMark count={waiting.get(team.id)} />
              </span>
              <span className="queue__meta">
                <TeamResult row={rows.get(team.id)} precision={precision} />
              </span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
