import { CategoryWriteLock } from '../common/category-write-lock';
import { Module } from '@nestjs/common';
import { LedgerDataModule } from '../ledger/ledger-data.module';
import { LiveModule } from '../live/live.module';
import { ProtestsDataModule } from '../protests/protests-data.module';
import { StagesDataModule } from '../stages/stages-data.module';
import { StandingsDataModule } from '../standings/standings-data.module';
import { CategoriesDataModule } from './categories-data.module';
import { CategoriesController } from './categories.controller';
import { CategoriesService } from './categories.service';

@Module({
  imports: [
    CategoriesDataModule,
    StagesDataModule,
    LedgerDataModule,
    StandingsDataModule,
    LiveModule,
    ProtestsDataModule,
  ],
  controllers: [CategoriesController],
  providers: [CategoriesService, CategoryWriteLock],
  exports: [CategoriesService],
})
export class CategoriesModule {}
