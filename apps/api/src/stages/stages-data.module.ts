import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { StagesStore } from './stages.store';
import { StageEntity } from './stage.entity';
import { StagesQuery } from './stages.query';

/**
 * The stages: this feature's tables, registered here and nowhere else, and the one service other
 * features read them through (docs/architecture.md#features-own-their-data). No imports of other
 * features, so any module may import it without a cycle.
 */
@Module({
  imports: [TypeOrmModule.forFeature([StageEntity])],
  providers: [StagesQuery, StagesStore],
  exports: [TypeOrmModule, StagesQuery, StagesStore],
})
export class StagesDataModule {}
