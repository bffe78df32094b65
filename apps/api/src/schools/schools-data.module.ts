import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SchoolEntity } from './school.entity';
import { SchoolsQuery } from './schools.query';
import { SchoolsStore } from './schools.store';

/**
 * The schools: this feature's tables, registered here and nowhere else, and the one service other
 * features read them through (docs/architecture.md#features-own-their-data). No imports of other
 * features, so any module may import it without a cycle.
 */
@Module({
  imports: [TypeOrmModule.forFeature([SchoolEntity])],
  providers: [SchoolsQuery, SchoolsStore],
  exports: [TypeOrmModule, SchoolsQuery, SchoolsStore],
})
export class SchoolsDataModule {}
