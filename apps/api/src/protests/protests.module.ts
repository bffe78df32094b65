import { Module } from '@nestjs/common';
import { CategoriesDataModule } from '../categories/categories-data.module';
import { CategoryWriteLock } from '../common/category-write-lock';
import { LedgerDataModule } from '../ledger/ledger-data.module';
import { LedgerModule } from '../ledger/ledger.module';
import { TeamsDataModule } from '../teams/teams-data.module';
import { ProtestsController } from './protests.controller';
import { ProtestsDataModule } from './protests-data.module';
import { ProtestsService } from './protests.service';

/** Protests (appeals) of teams, recorded and decided by the head judge. */
@Module({
  imports: [
    LedgerModule,
    ProtestsDataModule,
    CategoriesDataModule,
    TeamsDataModule,
    LedgerDataModule,
  ],
  controllers: [ProtestsController],
  providers: [ProtestsService, CategoryWriteLock],
})
export class ProtestsModule {}
