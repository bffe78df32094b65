import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { InspectionEntity } from './inspection.entity';
import { InspectionsQuery } from './inspections.query';

/**
 * The inspections' table, registered here and nowhere else, and the query other features read it
 * through (docs/architecture.md#features-own-their-data). No imports of other features.
 */
@Module({
  imports: [TypeOrmModule.forFeature([InspectionEntity])],
  providers: [InspectionsQuery],
  exports: [TypeOrmModule, InspectionsQuery],
})
export class InspectionsDataModule {}
