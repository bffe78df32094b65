import { Module } from '@nestjs/common';
import { CategoriesModule } from '../categories/categories.module';
import { CategoryWriteLock } from '../common/category-write-lock';
import { JudgesModule } from '../judges/judges.module';
import { LiveModule } from '../live/live.module';
import { RecomputeStandingsUseCase } from '../standings/recompute-standings.use-case';
import { StandingsController } from '../standings/standings.controller';
import { StandingsModule } from '../standings/standings.module';
import { LedgerController } from './ledger.controller';
import { RecordEntryUseCase } from './record-entry.use-case';

/** Writing scores: the ledger use case, projection updates and the standings read side. */
@Module({
  imports: [StandingsModule, LiveModule, CategoriesModule, JudgesModule],
  controllers: [LedgerController, StandingsController],
  providers: [CategoryWriteLock, RecordEntryUseCase, RecomputeStandingsUseCase],
  exports: [RecordEntryUseCase, RecomputeStandingsUseCase],
})
export class LedgerModule {}
