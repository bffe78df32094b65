import { Module } from '@nestjs/common';
import { CategoriesDataModule } from '../categories/categories-data.module';
import { LedgerDataModule } from '../ledger/ledger-data.module';
import { SchoolsDataModule } from '../schools/schools-data.module';
import { TeamsDataModule } from '../teams/teams-data.module';
import { CategoryTeams } from './category-teams';
import { StandingsDataModule } from './standings-data.module';
import { StandingsService } from './standings.service';

@Module({
  imports: [
    StandingsDataModule,
    CategoriesDataModule,
    LedgerDataModule,
    TeamsDataModule,
    SchoolsDataModule,
  ],
  providers: [StandingsService, CategoryTeams],
  exports: [StandingsService, CategoryTeams],
})
export class StandingsModule {}
