import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { QualificationEntryEntity } from './qualification-entry.entity';

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

  /** Whether the team has already been sent on to the target stage. */
  teamSentTo(
    sourceTeamId: string,
    targetStageId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<boolean> {
    return manager.existsBy(QualificationEntryEntity, { sourceTeamId, targetStageId });
  }
}
