import type { Team } from '@olympiad/contracts';
import type { TeamRef } from '@olympiad/scoring';

/** The teams as the rules rank them. */
export function teamRefs(teams: readonly Team[]): TeamRef[] {
  return teams.map((team) => ({
    id: team.id,
    name: team.name,
    schoolId: team.schoolId,
    regionCode: team.school?.regionCode ?? null,
    status: team.status,
  }));
}
