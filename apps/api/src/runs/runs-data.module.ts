import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FieldRunEntity } from './field-run.entity';
import { RunsQuery } from './runs.query';

/**
 * The timed runs: this feature's tables, registered here and nowhere else, and the one service other
 * features read them through (docs/architecture.md#features-own-their-data). No imports of other
 * features, so any module may import it without a cycle.
 */
@Module({
  imports: [TypeOrmModule.forFeature([FieldRunEntity])],
  providers: [RunsQuery],
  exports: [TypeOrmModule, RunsQuery],
})
export class RunsDataModule {}
