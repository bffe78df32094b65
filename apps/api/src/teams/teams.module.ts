import { Module } from '@nestjs/common';
import { CategoriesDataModule } from '../categories/categories-data.module';
import { LedgerModule } from '../ledger/ledger.module';
import { SchoolsDataModule } from '../schools/schools-data.module';
import { TeamsController } from './teams.controller';
import { TeamsDataModule } from './teams-data.module';
import { TeamsService } from './teams.service';

@Module({
  imports: [TeamsDataModule, CategoriesDataModule, SchoolsDataModule, LedgerModule],
  controllers: [TeamsController],
  providers: [TeamsService],
  exports: [TeamsService],
})
export class TeamsModule {}
