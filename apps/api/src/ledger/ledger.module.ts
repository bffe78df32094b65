import { Module } from '@nestjs/common';
import { CategoriesDataModule } from '../categories/categories-data.module';
import { CategoriesModule } from '../categories/categories.module';
import { CategoryWriteLock } from '../common/category-write-lock';
import { DoubleEntryDataModule } from '../double-entry/double-entry-data.module';
import { HeldEntriesDataModule } from '../held-entries/held-entries-data.module';
import { InspectionsDataModule } from '../inspections/inspections-data.module';
import { JudgesModule } from '../judges/judges.module';
import { LiveModule } from '../live/live.module';
import { RecomputeStandingsUseCase } from '../standings/recompute-standings.use-case';
import { StandingsController } from '../standings/standings.controller';
import { StandingsModule } from '../standings/standings.module';
import { TeamsDataModule } from '../teams/teams-data.module';
import { LedgerDataModule } from './ledger-data.module';
import { LedgerController } from './ledger.controller';
import { RecordEntryUseCase } from './record-entry.use-case';

/** Writing scores: the ledger use case, projection updates and the standings read side. */
@Module({
  imports: [
    LedgerDataModule,
    StandingsModule,
    LiveModule,
    CategoriesModule,
    CategoriesDataModule,
    JudgesModule,
    HeldEntriesDataModule,
    TeamsDataModule,
    InspectionsDataModule,
    DoubleEntryDataModule,
  ],
  controllers: [LedgerController, StandingsController],
  providers: [CategoryWriteLock, RecordEntryUseCase, RecomputeStandingsUseCase],
  exports: [RecordEntryUseCase, RecomputeStandingsUseCase],
})
export class LedgerModule {}
