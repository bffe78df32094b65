import { Module } from '@nestjs/common';
import { CategoriesDataModule } from '../categories/categories-data.module';
import { DiplomaCodesModule } from '../diploma-codes/diploma-codes.module';
import { InspectionsDataModule } from '../inspections/inspections-data.module';
import { JudgesDataModule } from '../judges/judges-data.module';
import { LedgerDataModule } from '../ledger/ledger-data.module';
import { OlympiadsDataModule } from '../olympiads/olympiads-data.module';
import { ProtestsDataModule } from '../protests/protests-data.module';
import { RunsDataModule } from '../runs/runs-data.module';
import { StagesDataModule } from '../stages/stages-data.module';
import { StandingsModule } from '../standings/standings.module';
import { TeamsDataModule } from '../teams/teams-data.module';
import { CategoryResultsService } from './category-results.service';
import { DocumentsController } from './documents.controller';

@Module({
  imports: [
    StandingsModule,
    CategoriesDataModule,
    StagesDataModule,
    OlympiadsDataModule,
    TeamsDataModule,
    JudgesDataModule,
    ProtestsDataModule,
    InspectionsDataModule,
    DiplomaCodesModule,
    LedgerDataModule,
    RunsDataModule,
  ],
  controllers: [DocumentsController],
  providers: [CategoryResultsService],
  exports: [CategoryResultsService],
})
export class DocumentsModule {}
