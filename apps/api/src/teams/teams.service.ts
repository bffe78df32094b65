import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CreateTeam } from '@olympiad/contracts';
import type { TeamStatus } from '@olympiad/scoring';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditRecorder, SERVER_ACTOR, type AuditActor } from '../audit/audit-recorder';
import type { Actor } from '../auth/actor';
import { assertStageAccess } from '../auth/stage-access';
import { CategoriesQuery } from '../categories/categories.query';
import { invalid, notFound, unknownReference } from '../common/api-error';
import { SchoolsQuery } from '../schools/schools.query';
import { RecomputeStandingsUseCase } from '../standings/recompute-standings.use-case';
import { TeamMemberEntity } from './team-member.entity';
import { TeamEntity } from './team.entity';

@Injectable()
export class TeamsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly recompute: RecomputeStandingsUseCase,
    private readonly categories: CategoriesQuery,
    private readonly schools: SchoolsQuery,
    private readonly audit: AuditRecorder,
  ) {}

  async create(input: CreateTeam, actor: AuditActor = SERVER_ACTOR): Promise<TeamEntity> {
    const category = await this.categories.categoryById(input.categoryId);
    if (!category || category.stageId !== input.stageId) {
      throw unknownReference('categoryId', 'category in this stage', input.categoryId);
    }
    if (!(await this.schools.schoolExists(input.schoolId))) {
      throw unknownReference('schoolId', 'school', input.schoolId);
    }
    // A team's age group is its oldest member's grade (docs/rules.md#everywhere).
    const grade = Math.max(...input.members.map((member) => member.grade));
    if (grade < category.minGrade || grade > category.maxGrade) {
      throw invalid(
        `members: the oldest member is in grade ${grade}, outside ${category.ageGroupLabel}`,
        [
          {
            path: 'members',
            key: 'teams.gradeOutsideGroup',
            message: `grade ${grade} is outside ${category.ageGroupLabel}`,
          },
        ],
      );
    }
    const id = randomUUID();
    const team = await this.dataSource.transaction(async (tx) => {
      const saved = await tx.save(
        Object.assign(new TeamEntity(), {
          id,
          stageId: input.stageId,
          categoryId: input.categoryId,
          schoolId: input.schoolId,
          name: input.name,
          coach: input.coach,
          status: 'active',
        }),
      );
      saved.members = await tx.save(
        input.members.map((member, position) =>
          Object.assign(new TeamMemberEntity(), {
            id: randomUUID(),
            teamId: id,
            name: member.name,
            grade: member.grade,
            position,
          }),
        ),
      );
      await this.audit.record(
        {
          actor,
          stageId: input.stageId,
          object: { kind: 'team', id, name: input.name },
          action: 'team.create',
          after: {
            categoryId: input.categoryId,
            schoolId: input.schoolId,
            name: input.name,
            coach: input.coach ?? null,
            members: input.members,
          },
        },
        tx,
      );
      return saved;
    });
    await this.recompute.execute(category.id);
    return team;
  }

  async setStatus(id: string, status: TeamStatus, actor: Actor): Promise<TeamEntity> {
    const team = await this.teamFor(id, actor);
    if (team.status === status) return team;
    await this.updateRecorded(team, { status }, 'team.status', actor);
    await this.recompute.execute(team.categoryId);
    return { ...team, status };
  }

  async setCheckedIn(id: string, checkedIn: boolean, actor: Actor): Promise<TeamEntity> {
    const team = await this.teamFor(id, actor);
    const checkedInAt = checkedIn ? (team.checkedInAt ?? new Date().toISOString()) : null;
    if (checkedInAt === team.checkedInAt) return team;
    await this.updateRecorded(team, { checkedInAt }, 'team.checkIn', actor);
    return { ...team, checkedInAt };
  }

  private async teamFor(id: string, actor: Actor): Promise<TeamEntity> {
    const team = await this.dataSource.manager.findOneBy(TeamEntity, { id });
    if (!team) throw notFound('Team', id);
    assertStageAccess(actor, team.stageId);
    return team;
  }

  /** One change of a team's own columns, with its audit row (before → after) in the same transaction. */
  private async updateRecorded(
    team: TeamEntity,
    patch: Pick<Partial<TeamEntity>, 'status' | 'checkedInAt'>,
    action: 'team.status' | 'team.checkIn',
    actor: Actor,
  ): Promise<void> {
    const before = Object.fromEntries(
      Object.keys(patch).map((key) => [key, team[key as keyof typeof patch]]),
    );
    await this.dataSource.transaction(async (tx) => {
      await tx.update(TeamEntity, { id: team.id }, patch);
      await this.audit.record(
        {
          actor,
          stageId: team.stageId,
          object: { kind: 'team', id: team.id, name: team.name },
          action,
          before,
          after: patch,
        },
        tx,
      );
    });
  }

  /** With their members, and their schools as the schools feature answers them. */
  async list(stageId: string, categoryId?: string): Promise<TeamEntity[]> {
    const teams = await this.dataSource.manager.find(TeamEntity, {
      where: categoryId ? { stageId, categoryId } : { stageId },
      relations: { members: true },
      order: { name: 'ASC', members: { position: 'ASC' } },
    });
    const ids = [...new Set(teams.map((team) => team.schoolId))];
    const schools = new Map(
      (await this.schools.schoolsByIds(ids)).map((school) => [school.id, school]),
    );
    for (const team of teams) team.school = schools.get(team.schoolId);
    return teams;
  }
}
