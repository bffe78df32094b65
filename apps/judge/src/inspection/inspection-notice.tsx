import type { Inspection } from '@olympiad/contracts';
import { StatusBanner, useLanguage } from '@olympiad/ui';
import { failureText, latestByTeam } from './inspection-text';
import { useInspections } from './use-inspections';

export interface BlockedTeam {
  team: { id: string; name: string };
  /** The failed latest inspection, or null when the team was never inspected. */
  latest: Inspection | null;
}

/** The teams the rules keep from running or playing: inspection required and not passed. */
export function useBlockedTeams(
  categoryId: string,
  teams: readonly { id: string; name: string }[],
): BlockedTeam[] {
  const { list } = useInspections(categoryId, teams.map((team) => team.id).join(','));
  if (!list?.required) return [];
  const latest = latestByTeam(list.inspections);
  return teams
    .map((team) => ({ team, latest: latest.get(team.id) ?? null }))
    .filter(({ latest: row }) => !row?.passed);
}

/**
 * Says, before the judge tries, why a team may not run or play (docs/judge-tablet.md#inspection).
 * Renders nothing when no team is blocked.
 */
export function InspectionNotice({ blocked }: { blocked: readonly BlockedTeam[] }) {
  const { t } = useLanguage();
  return (
    <>
      {blocked.map(({ team, latest }) => (
        <StatusBanner key={team.id} kind="error">
          <span data-testid="inspection-blocked">
            {latest
              ? t('inspection.blocked.failed', { team: team.name, reason: failureText(t, latest) })
              : t('inspection.blocked.none', { team: team.name })}
          </span>
        </StatusBanner>
      ))}
    </>
  );
}
