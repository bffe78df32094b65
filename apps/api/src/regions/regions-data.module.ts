import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RegionEntity } from './region.entity';
import { RegionsQuery } from './regions.query';

/**
 * The regions: this feature's tables, registered here and nowhere else, and the one service other
 * features read them through (docs/architecture.md#features-own-their-data). No imports of other
 * features, so any module may import it without a cycle.
 */
@Module({
  imports: [TypeOrmModule.forFeature([RegionEntity])],
  providers: [RegionsQuery],
  exports: [TypeOrmModule, RegionsQuery],
})
export class RegionsDataModule {}
