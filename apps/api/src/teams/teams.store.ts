import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { TeamMemberEntity } from './team-member.entity';
import { TeamEntity } from './team.entity';

export type NewTeam = Pick<
  TeamEntity,
  'id' | 'stageId' | 'categoryId' | 'schoolId' | 'name' | 'coach' | 'status'
>;
export type NewTeamMember = Pick<TeamMemberEntity, 'id' | 'teamId' | 'name' | 'grade' | 'position'>;

/** How other features enter teams: a registration import, qualification to the republic stage. */
@Injectable()
export class TeamsStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insertTeams(
    teams: NewTeam[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    await manager.insert(TeamEntity, teams);
  }

  async insertMembers(
    members: NewTeamMember[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    await manager.insert(TeamMemberEntity, members);
  }
}
