import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { qualificationRuleSchema, type QualificationRule } from '@olympiad/scoring';
import { QualificationEntryEntity } from './qualification-entry.entity';
import { QualificationRuleEntity } from './qualification-rule.entity';

export type QualificationEntryRow = QualificationEntryEntity;

/**
 * What other features may read of qualification entries (they never import this feature's entities). Every
 * method takes an optional `manager` to read inside the caller's transaction.
 */
@Injectable()
export class QualificationQuery {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Entries sent from a stage, or into one (or all), in the order they were entered. */
  entriesInOrder(
    where: { sourceStageId?: string; targetStageId?: string },
    manager: EntityManager = this.dataSource.manager,
  ): Promise<QualificationEntryRow[]> {
    return manager.find(QualificationEntryEntity, { where, order: { enteredAt: 'ASC' } });
  }

  /** The decisions made from this stage: which of its teams went on, where, and why. */
  decisionsFromStage(
    sourceStageId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<QualificationEntryRow[]> {
    return manager.find(QualificationEntryEntity, { where: { sourceStageId } });
  }

  decisionExists(id: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    return manager.existsBy(QualificationEntryEntity, { id });
  }

  /**
   * The rules kept for these target stages, by `targetStageId sourceStageId`, with the time the rule
   * was first used (entries made before it were chosen by another rule); a row that no longer
   * parses is left out.
   */
  async rulesByStagePair(
    targetStageIds: string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, { rule: QualificationRule; setAt: string }>> {
    const rows =
      targetStageIds.length === 0
        ? []
        : await manager.find(QualificationRuleEntity, {
            where: { targetStageId: In(targetStageIds) },
          });
    const rules = new Map<string, { rule: QualificationRule; setAt: string }>();
    for (const row of rows) {
      const parsed = qualificationRuleSchema.safeParse(safeJson(row.rule));
      if (parsed.success)
        rules.set(`${row.targetStageId} ${row.sourceStageId}`, {
          rule: parsed.data,
          setAt: row.setAt,
        });
    }
    return rules;
  }

  /** Whether the team has already been sent on to the target stage. */
  teamSentTo(
    sourceTeamId: string,
    targetStageId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<boolean> {
    return manager.existsBy(QualificationEntryEntity, { sourceTeamId, targetStageId });
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
