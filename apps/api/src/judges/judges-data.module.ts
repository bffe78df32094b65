import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { JudgesStore } from './judges.store';
import { JudgeAssignmentsQuery } from './judge-assignments.query';
import { JudgeEntity } from './judge.entity';
import { JudgeAssignmentEntity } from './judge-assignment.entity';
import { JudgesQuery } from './judges.query';

/**
 * The judges and their assignments: this feature's tables, registered here and nowhere else, and the one service other
 * features read them through (docs/architecture.md#features-own-their-data). No imports of other
 * features, so any module may import it without a cycle.
 */
@Module({
  imports: [TypeOrmModule.forFeature([JudgeEntity, JudgeAssignmentEntity])],
  providers: [JudgesQuery, JudgeAssignmentsQuery, JudgesStore],
  exports: [TypeOrmModule, JudgesQuery, JudgeAssignmentsQuery, JudgesStore],
})
export class JudgesDataModule {}
