import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { TeamMemberEntity } from './team-member.entity';
import { TeamEntity } from './team.entity';

export type NewTeam = Pick<
  TeamEntity,
  'id' | 'stageId' | 'categoryId' | 'schoolId' | 'name' | 'coach' | 'status'
> &
  Partial<Pick<TeamEntity, 'checkedInAt'>>;
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

  async updateTeam(
    id: string,
    changes: Omit<NewTeam, 'id' | 'stageId'>,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    await manager.update(TeamEntity, { id }, changes);
  }

  async updateMember(
    id: string,
    changes: Omit<NewTeamMember, 'id' | 'teamId'>,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    await manager.update(TeamMemberEntity, { id }, changes);
  }

  async deleteMembers(
    ids: string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    await manager.delete(TeamMemberEntity, { id: In(ids) });
  }
}
