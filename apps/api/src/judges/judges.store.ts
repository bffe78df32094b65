import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { JudgeAssignmentEntity } from './judge-assignment.entity';
import { JudgeEntity } from './judge.entity';

export type NewJudge = Pick<
  JudgeEntity,
  'id' | 'stageId' | 'name' | 'role' | 'active' | 'pinLookup' | 'pinHash'
>;
export type JudgeChanges = Pick<JudgeEntity, 'name' | 'role' | 'active'>;
export type NewJudgeAssignment = Pick<
  JudgeAssignmentEntity,
  'id' | 'judgeId' | 'categoryId' | 'fieldId'
>;

/** How other features change judges: the republic copying a venue's judges and their categories. */
@Injectable()
export class JudgesStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insertJudge(
    judge: NewJudge,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    await manager.insert(JudgeEntity, judge);
  }

  async updateJudge(
    id: string,
    changes: JudgeChanges,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    await manager.update(JudgeEntity, { id }, changes);
  }

  async insertAssignment(
    assignment: NewJudgeAssignment,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    await manager.insert(JudgeAssignmentEntity, assignment);
  }

  async deleteAssignments(
    ids: string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    await manager.delete(JudgeAssignmentEntity, { id: In(ids) });
  }
}
