import { Module } from '@nestjs/common';
import { CategoriesDataModule } from '../categories/categories-data.module';
import { DoubleEntryDataModule } from '../double-entry/double-entry-data.module';
import { FieldQueuesModule } from '../field-queues/field-queues.module';
import { JudgesDataModule } from '../judges/judges-data.module';
import { LedgerDataModule } from '../ledger/ledger-data.module';
import { LedgerModule } from '../ledger/ledger.module';
import { SchoolsDataModule } from '../schools/schools-data.module';
import { TeamsDataModule } from '../teams/teams-data.module';
import { ScoreSheetStore } from './score-sheet-store';
import { ScoreSheetsController } from './score-sheets.controller';
import { ScoreSheetsService } from './score-sheets.service';

/** Paper score sheets for when a tablet dies mid-round (README, "Paper fallback"). */
@Module({
  imports: [
    CategoriesDataModule,
    DoubleEntryDataModule,
    FieldQueuesModule,
    JudgesDataModule,
    LedgerDataModule,
    LedgerModule,
    SchoolsDataModule,
    TeamsDataModule,
  ],
  controllers: [ScoreSheetsController],
  providers: [ScoreSheetStore, ScoreSheetsService],
})
export class ScoreSheetsModule {}
