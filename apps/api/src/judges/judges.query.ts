import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { JudgeAssignmentEntity } from './judge-assignment.entity';
import { JudgeEntity } from './judge.entity';

export type JudgeRow = JudgeEntity;

/** Where a judge stands: the categories and fields assigned to them, and whether they may sign in. */
export interface JudgeAssignments {
  judgeId: string;
  active: boolean;
  categoryIds: string[];
  fieldIds: string[];
}

/**
 * What other features may read of judges and their assignments (they never import this feature's entities). Every
 * method takes an optional `manager` to read inside the caller's transaction.
 */
@Injectable()
export class JudgesQuery {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Every judge of the stage with the categories and fields assigned to them. */
  async assignmentsOfStage(
    stageId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<JudgeAssignments[]> {
    const judges = await manager.find(JudgeEntity, {
      where: { stageId },
      relations: { assignments: true },
    });
    return judges.map((judge) => ({
      judgeId: judge.id,
      active: judge.active,
      categoryIds: (judge.assignments ?? []).flatMap((a) => (a.categoryId ? [a.categoryId] : [])),
      fieldIds: (judge.assignments ?? []).flatMap((a) => (a.fieldId ? [a.fieldId] : [])),
    }));
  }

  /** Whether the judge exists and is active: a deactivated judge's token stops working at once. */
  judgeIsActive(id: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    return manager.existsBy(JudgeEntity, { id, active: true });
  }

  /** What decides whether a judge's token still holds: active, and the PIN it was given for (auth/token.service.ts). */
  judgeSignInState(
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Pick<JudgeRow, 'active' | 'pinHash'> | null> {
    return manager.findOne(JudgeEntity, { where: { id }, select: { active: true, pinHash: true } });
  }

  /** The stage's judge with this keyed PIN digest (unique per stage), active or not. */
  judgeByPinLookup(
    stageId: string,
    pinLookup: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<JudgeRow | null> {
    return manager.findOneBy(JudgeEntity, { stageId, pinLookup });
  }

  /** One judge with the categories and fields assigned to them, or null. */
  async judgeWithAssignments(
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ judge: JudgeRow; categoryIds: string[]; fieldIds: string[] } | null> {
    const judge = await manager.findOne(JudgeEntity, {
      where: { id },
      relations: { assignments: true },
    });
    if (!judge) return null;
    const assignments = judge.assignments ?? [];
    return {
      judge,
      categoryIds: assignments.flatMap((a) => (a.categoryId ? [a.categoryId] : [])),
      fieldIds: assignments.flatMap((a) => (a.fieldId ? [a.fieldId] : [])),
    };
  }

  /**
   * Who signs a category's protocol: the judges assigned to the category and the stage's head
   * judges, by name (inactive ones included: the caller decides).
   */
  async judgesSigningCategory(
    categoryId: string,
    stageId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<JudgeRow[]> {
    const assigned = await manager.find(JudgeAssignmentEntity, { where: { categoryId } });
    return manager.find(JudgeEntity, {
      where: [{ id: In(assigned.map((a) => a.judgeId)) }, { stageId, role: 'head-judge' }],
      order: { name: 'ASC' },
    });
  }

  judgesOfStage(
    stageId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<JudgeRow[]> {
    return manager.find(JudgeEntity, { where: { stageId } });
  }

  judgesByIds(
    ids: string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<JudgeRow[]> {
    return manager.find(JudgeEntity, { where: { id: In(ids) } });
  }
}
