import type { Team } from '@olympiad/contracts';
import type { StandingRow } from '@olympiad/scoring';
import { useLanguage } from '@olympiad/ui';
import type { ReactNode } from 'react';
import { TeamPicker } from './team-picker';
import { TeamResult } from './team-result';

/** The team list beside the chosen team's work: its name, its result so far, then the screen's own form. */
export function TeamWorkPanes({
  teams,
  rows,
  team,
  onChoose,
  children,
}: {
  teams: readonly Team[];
  rows: ReadonlyMap<string, StandingRow>;
  team: Team | undefined;
  onChoose: (teamId: string) => void;
  children: (team: Team) => ReactNode;
}) {
  const { t } = useLanguage();
  return (
    <div className="two-panes">
      <TeamPicker
        teams={teams}
        rows={rows}
        chosen={team?.id ?? null}
        onChoose={onChoose}
        title={t('judge.teams')}
      />
      <div className="panel" id="team-work">
        {!team ? (
          <p className="hint-box">{t('judge.pickTeam')}</p>
        ) : (
          <>
            <h3>{team.name}</h3>
            <p className="muted">
              {t('judge.resultNow')}: <TeamResult row={rows.get(team.id)} />
            </p>
            {children(team)}
          </>
        )}
      </div>
    </div>
  );
}
