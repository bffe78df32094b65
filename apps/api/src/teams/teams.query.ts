import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, Not } from 'typeorm';
import { rawStatement } from '../database/raw-statement';
import { TeamMemberEntity } from './team-member.entity';
import { TeamEntity } from './team.entity';

export type TeamRow = TeamEntity;
export type TeamMemberRow = TeamMemberEntity;

/**
 * What other features may read of teams and their members (they never import this feature's entities). Every
 * method takes an optional `manager` to read inside the caller's transaction.
 */
@Injectable()
export class TeamsQuery {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The category's teams in the order the database keeps them. */
  teamsOfCategory(
    categoryId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<TeamRow[]> {
    return manager.find(TeamEntity, { where: { categoryId } });
  }

  teamsOfCategoryByName(
    categoryId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<TeamRow[]> {
    return manager.find(TeamEntity, { where: { categoryId }, order: { name: 'ASC' } });
  }

  teamsOfStage(
    stageId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<TeamRow[]> {
    return manager.find(TeamEntity, { where: { stageId } });
  }

  teamsByIds(ids: string[], manager: EntityManager = this.dataSource.manager): Promise<TeamRow[]> {
    return manager.find(TeamEntity, { where: { id: In(ids) } });
  }

  /** The team with its members (`members` filled in), or null. */
  teamWithMembers(
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<TeamRow | null> {
    return manager.findOne(TeamEntity, { where: { id }, relations: { members: true } });
  }

  /** Asked for every score a tablet sends, hence hand-written SQL: see rawStatement. */
  async isInCategory(
    teamId: string,
    categoryId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<boolean> {
    const sql = 'SELECT 1 AS found FROM team WHERE id = ? AND "categoryId" = ?';
    return (await rawStatement(manager, sql, [teamId, categoryId])).rows.length > 0;
  }

  /** The teams of these categories in the order the database keeps them. */
  teamsOfCategories(
    categoryIds: string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<TeamRow[]> {
    return categoryIds.length === 0
      ? Promise.resolve([])
      : manager.find(TeamEntity, { where: { categoryId: In(categoryIds) } });
  }

  /** Id and name of each of these teams. */
  teamNames(
    ids: string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Pick<TeamRow, 'id' | 'name'>[]> {
    return ids.length === 0
      ? Promise.resolve([])
      : manager.find(TeamEntity, { select: { id: true, name: true }, where: { id: In(ids) } });
  }

  /** The category's teams, each with its members (`members` filled in) in their listed order. */
  teamsOfCategoryWithMembers(
    categoryId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<TeamRow[]> {
    return manager.find(TeamEntity, {
      where: { categoryId },
      relations: { members: true },
      order: { members: { position: 'ASC' } },
    });
  }

  /** The stage's teams, each with its members (`members` filled in). */
  teamsOfStageWithMembers(
    stageId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<TeamRow[]> {
    return manager.find(TeamEntity, { where: { stageId }, relations: { members: true } });
  }

  /** Which of these schools a team of another stage than `stageId` attends. */
  async schoolsAttendedOutside(
    schoolIds: string[],
    stageId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<string[]> {
    const teams = await manager.find(TeamEntity, {
      where: { schoolId: In(schoolIds), stageId: Not(stageId) },
      select: { schoolId: true },
    });
    return teams.map((team) => team.schoolId);
  }

  teamIsInStage(
    id: string,
    stageId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<boolean> {
    return manager.existsBy(TeamEntity, { id, stageId });
  }

  membersOfTeam(
    teamId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<TeamMemberRow[]> {
    return manager.find(TeamMemberEntity, { where: { teamId } });
  }
}
