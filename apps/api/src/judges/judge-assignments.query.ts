import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import type { Actor } from '../auth/actor';
import { JudgeAssignmentEntity } from './judge-assignment.entity';

/** A field, a category, or both: an assignment to either of them counts. */
export type JudgeAssignmentRow = JudgeAssignmentEntity;

export type AssignmentTarget =
  { categoryId: string; fieldId?: string } | { fieldId: string; categoryId?: string };

/** What other features may ask about judges' assignments (they do not read the entity themselves). */
@Injectable()
export class JudgeAssignmentsQuery {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Whether the actor is assigned to the field or the category. `manager` reads inside the
   * caller's transaction. Only judges are bound by assignments: callers ask for judges.
   */
  isAssigned(
    actor: Actor,
    target: AssignmentTarget,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<boolean> {
    const where: { judgeId: string; fieldId?: string; categoryId?: string }[] = [];
    if (target.fieldId !== undefined) where.push({ judgeId: actor.id, fieldId: target.fieldId });
    if (target.categoryId !== undefined)
      where.push({ judgeId: actor.id, categoryId: target.categoryId });
    return manager.exists(JudgeAssignmentEntity, { where });
  }

  /** The assignment rows (a category or a field each) of these judges. */
  assignmentsOfJudges(
    judgeIds: string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<JudgeAssignmentRow[]> {
    return manager.find(JudgeAssignmentEntity, { where: { judgeId: In(judgeIds) } });
  }
}
