import { Module } from '@nestjs/common';
import { CategoriesDataModule } from '../categories/categories-data.module';
import { DoubleEntryDataModule } from '../double-entry/double-entry-data.module';
import { LedgerDataModule } from '../ledger/ledger-data.module';
import { LedgerModule } from '../ledger/ledger.module';
import { LiveModule } from '../live/live.module';
import { TeamsDataModule } from '../teams/teams-data.module';
import { HeldEntriesController } from './held-entries.controller';
import { HeldEntriesDataModule } from './held-entries-data.module';
import { HeldEntriesService } from './held-entries.service';

/** The head judge's review queue of refused tablet entries. */
@Module({
  imports: [
    LedgerModule,
    LiveModule,
    HeldEntriesDataModule,
    CategoriesDataModule,
    TeamsDataModule,
    LedgerDataModule,
    DoubleEntryDataModule,
  ],
  controllers: [HeldEntriesController],
  providers: [HeldEntriesService],
})
export class HeldEntriesModule {}
