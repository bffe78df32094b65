import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { StandingEntity } from './standing.entity';
import { StandingsQuery } from './standings.query';

/**
 * The the standings table: this feature's tables, registered here and nowhere else, and the one service other
 * features read them through (docs/architecture.md#features-own-their-data). No imports of other
 * features, so any module may import it without a cycle.
 */
@Module({
  imports: [TypeOrmModule.forFeature([StandingEntity])],
  providers: [StandingsQuery],
  exports: [TypeOrmModule, StandingsQuery],
})
export class StandingsDataModule {}
