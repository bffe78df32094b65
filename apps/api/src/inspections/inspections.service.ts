import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CategoryInspections, Inspection, RecordInspection } from '@olympiad/contracts';
import { checkInspection, inspectionLimitsOf, inspectionRequiredOf } from '@olympiad/scoring';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditRecorder } from '../audit/audit-recorder';
import type { Actor } from '../auth/actor';
import { assertStageAccess } from '../auth/stage-access';
import { CategoriesQuery } from '../categories/categories.query';
import { ApiError, notFound, unknownReference } from '../common/api-error';
import { TeamsQuery } from '../teams/teams.query';
import { InspectionEntity } from './inspection.entity';
import { InspectionsQuery } from './inspections.query';

/**
 * Technical inspection (docs/rules.md#technical-inspection): the head judge records a team's
 * measurements; pass or fail follows from the rule set's limits, and the inspector may fail a robot
 * within them for a stated reason. Every inspection is a new row with its audit row.
 */
@Injectable()
export class InspectionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly categories: CategoriesQuery,
    private readonly teams: TeamsQuery,
    private readonly inspections: InspectionsQuery,
    private readonly audit: AuditRecorder,
  ) {}

  async record(input: RecordInspection, actor: Actor, now = new Date()): Promise<Inspection> {
    const category = await this.categories.categoryById(input.categoryId);
    if (!category) throw unknownReference('categoryId', 'category', input.categoryId);
    assertStageAccess(actor, category.stageId);
    const limits = inspectionLimitsOf(category.ruleSet);
    if (!limits) {
      throw new ApiError(
        HttpStatus.BAD_REQUEST,
        'inspection.noRobot',
        'This category has no robot to inspect',
      );
    }
    if (!(await this.teams.isInCategory(input.teamId, category.id))) {
      throw unknownReference('teamId', 'team in this category', input.teamId);
    }
    const [team] = await this.teams.teamNames([input.teamId]);
    const verdict = checkInspection(limits, input);

    return this.dataSource.transaction(async (manager) => {
      const previous = await manager.findOne(InspectionEntity, {
        where: { categoryId: category.id, teamId: input.teamId },
        order: { inspectedAt: 'DESC', id: 'DESC' },
      });
      // The latest row counts, so a re-inspection in the same millisecond still sorts after.
      const at = Math.max(now.getTime(), previous ? Date.parse(previous.inspectedAt) + 1 : 0);
      const row: InspectionEntity = {
        id: randomUUID(),
        stageId: category.stageId,
        categoryId: category.id,
        teamId: input.teamId,
        massG: input.massG,
        widthMm: input.widthMm,
        lengthMm: input.lengthMm,
        passed: verdict.passed && input.failReason === null,
        failures: verdict.failures,
        failReason: input.failReason,
        notes: input.notes,
        inspectedById: actor.id,
        inspectedByName: actor.name,
        inspectedAt: new Date(at).toISOString(),
      };
      await manager.insert(InspectionEntity, row as never);
      await this.audit.record(
        {
          actor,
          stageId: category.stageId,
          object: { kind: 'team', id: row.teamId, name: team?.name ?? null },
          action: 'inspection.record',
          before: previous ? { passed: previous.passed } : null,
          after: {
            categoryId: row.categoryId,
            passed: row.passed,
            massG: row.massG,
            widthMm: row.widthMm,
            lengthMm: row.lengthMm,
            failedLimits: row.failures.map((f) => f.limit),
            failReason: row.failReason,
          },
        },
        manager,
      );
      return view(row);
    });
  }

  async listForCategory(categoryId: string, actor: Actor): Promise<CategoryInspections> {
    const category = await this.categories.categoryById(categoryId);
    if (!category) throw notFound('Category', categoryId);
    assertStageAccess(actor, category.stageId);
    const rows = await this.inspections.inspectionsOf(categoryId);
    return {
      categoryId,
      required: inspectionRequiredOf(category.ruleSet),
      limits: inspectionLimitsOf(category.ruleSet),
      inspections: rows.map(view),
    };
  }
}

function view(row: InspectionEntity): Inspection {
  return {
    id: row.id,
    categoryId: row.categoryId,
    teamId: row.teamId,
    massG: row.massG,
    widthMm: row.widthMm,
    lengthMm: row.lengthMm,
    passed: Boolean(row.passed),
    failures: row.failures,
    failReason: row.failReason,
    notes: row.notes,
    inspectedById: row.inspectedById,
    inspectedByName: row.inspectedByName,
    inspectedAt: row.inspectedAt,
  };
}
