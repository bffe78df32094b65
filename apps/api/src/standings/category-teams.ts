import type { TeamRef } from '@olympiad/scoring';
import type { EntityManager } from 'typeorm';
import { TeamEntity } from '../teams/team.entity';

/** The teams of a category as the rules see them (school and region included for the draws). */
export async function loadTeamRefs(manager: EntityManager, categoryId: string): Promise<TeamRef[]> {
  const teams = await manager.find(TeamEntity, {
    where: { categoryId },
    relations: { school: true },
    order: { name: 'ASC' },
  });
  return teams.map((team) => ({
    id: team.id,
    name: team.name,
    schoolId: team.schoolId,
    regionCode: team.school?.regionCode ?? null,
    status: team.status,
  }));
}
