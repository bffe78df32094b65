import { Injectable } from '@nestjs/common';
import type { TeamRef } from '@olympiad/scoring';
import type { EntityManager } from 'typeorm';
import { SchoolsQuery, type SchoolRow } from '../schools/schools.query';
import { TeamsQuery, type TeamRow } from '../teams/teams.query';

/** A team as screens and printouts name it. */
export interface TeamLabel {
  name: string;
  school: string;
}

/** The teams of a category with what their schools add: the region for the draws, the name to show. */
@Injectable()
export class CategoryTeams {
  constructor(
    private readonly teams: TeamsQuery,
    private readonly schools: SchoolsQuery,
  ) {}

  /** The teams of a category as the rules see them (school and region included for the draws). */
  async refs(categoryId: string, manager?: EntityManager): Promise<TeamRef[]> {
    const teams = await this.teams.teamsOfCategoryByName(categoryId, manager);
    const schools = await this.schoolsOf(teams, manager);
    return teams.map((team) => ({
      id: team.id,
      name: team.name,
      schoolId: team.schoolId,
      regionCode: schools.get(team.schoolId)?.regionCode ?? null,
      status: team.status,
    }));
  }

  /** Each team of the category by id, with its school's name. */
  async labels(categoryId: string, manager?: EntityManager): Promise<Record<string, TeamLabel>> {
    return this.labelsOf(await this.teams.teamsOfCategory(categoryId, manager), manager);
  }

  /** These teams by id, with their schools' names. */
  async labelsOf(teams: TeamRow[], manager?: EntityManager): Promise<Record<string, TeamLabel>> {
    const schools = await this.schoolsOf(teams, manager);
    return Object.fromEntries(
      teams.map((team) => [
        team.id,
        { name: team.name, school: schools.get(team.schoolId)?.name ?? '' },
      ]),
    );
  }

  /** The schools of these teams, by id. */
  async schoolsOf(teams: TeamRow[], manager?: EntityManager): Promise<Map<string, SchoolRow>> {
    const ids = [...new Set(teams.map((team) => team.schoolId))];
    const schools = await this.schools.schoolsByIds(ids, manager);
    return new Map(schools.map((school) => [school.id, school]));
  }
}
