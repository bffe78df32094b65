import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ArmRun } from '@olympiad/contracts';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor';
import { assertStageAccess } from '../auth/stage-access';
import { CategoryEntity } from '../categories/category.entity';
import { ApiError, forbidden, notFound, unknownReference } from '../common/api-error';
import { FieldEntity } from '../fields/field.entity';
import { JudgeAssignmentsQuery } from '../judges/judge-assignments.query';
import { TeamEntity } from '../teams/team.entity';

/** Whom a judge may time where: the field, the maze category and team of an arm or an attach. */
@Injectable()
export class RunTargetQuery {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly assignments: JudgeAssignmentsQuery,
  ) {}

  async check(fieldId: string, input: ArmRun, actor: Actor) {
    const field = await this.fieldOf(fieldId, actor);
    const category = await this.dataSource
      .getRepository(CategoryEntity)
      .findOneBy({ id: input.categoryId });
    if (!category || category.stageId !== field.stageId)
      throw unknownReference('categoryId', 'category in this stage', input.categoryId);
    if (category.discipline !== 'maze') {
      throw new ApiError(
        HttpStatus.BAD_REQUEST,
        'runs.notMaze',
        'Timed runs are for maze categories',
      );
    }
    if (
      !(await this.dataSource
        .getRepository(TeamEntity)
        .existsBy({ id: input.teamId, categoryId: category.id }))
    ) {
      throw unknownReference('teamId', 'team in this category', input.teamId);
    }
    if (actor.role === 'judge') {
      const assigned = await this.assignments.isAssigned(actor, {
        fieldId,
        categoryId: category.id,
      });
      if (!assigned) throw forbidden('You are not assigned to this field or category');
    }
    return { field, category };
  }

  async fieldOf(fieldId: string, actor: Actor): Promise<FieldEntity> {
    const field = await this.dataSource.getRepository(FieldEntity).findOneBy({ id: fieldId });
    if (!field) throw notFound('Field', fieldId);
    assertStageAccess(actor, field.stageId);
    return field;
  }
}
