import { HttpStatus, Injectable } from '@nestjs/common';
import type { ArmRun } from '@olympiad/contracts';
import type { Actor } from '../auth/actor';
import { assertStageAccess } from '../auth/stage-access';
import { CategoriesQuery } from '../categories/categories.query';
import { ApiError, forbidden, notFound, unknownReference } from '../common/api-error';
import { FieldsQuery, type FieldRow } from '../fields/fields.query';
import { InspectionsQuery } from '../inspections/inspections.query';
import { JudgeAssignmentsQuery } from '../judges/judge-assignments.query';
import { TeamsQuery } from '../teams/teams.query';

/** Whom a judge may time where: the field, the maze category and team of an arm or an attach. */
@Injectable()
export class RunTargetQuery {
  constructor(
    private readonly fields: FieldsQuery,
    private readonly categories: CategoriesQuery,
    private readonly teams: TeamsQuery,
    private readonly assignments: JudgeAssignmentsQuery,
    private readonly inspections: InspectionsQuery,
  ) {}

  async check(fieldId: string, input: ArmRun, actor: Actor) {
    const field = await this.fieldOf(fieldId, actor);
    const category = await this.categories.categoryById(input.categoryId);
    if (!category || category.stageId !== field.stageId)
      throw unknownReference('categoryId', 'category in this stage', input.categoryId);
    if (category.discipline !== 'maze') {
      throw new ApiError(
        HttpStatus.BAD_REQUEST,
        'runs.notMaze',
        'Timed runs are for maze categories',
      );
    }
    if (!(await this.teams.isInCategory(input.teamId, category.id))) {
      throw unknownReference('teamId', 'team in this category', input.teamId);
    }
    if (actor.role === 'judge') {
      const assigned = await this.assignments.isAssigned(actor, {
        fieldId,
        categoryId: category.id,
      });
      if (!assigned) throw forbidden('You are not assigned to this field or category');
    }
    await this.inspections.assertPassed(category, await this.teams.teamNames([input.teamId]));
    return { field, category };
  }

  async fieldOf(fieldId: string, actor: Actor): Promise<FieldRow> {
    const field = await this.fields.fieldById(fieldId);
    if (!field) throw notFound('Field', fieldId);
    assertStageAccess(actor, field.stageId);
    return field;
  }
}
