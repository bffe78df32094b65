import { Module } from '@nestjs/common';
import { CategoriesModule } from '../categories/categories.module';
import { LedgerDataModule } from '../ledger/ledger-data.module';
import { DoubleEntryController } from './double-entry.controller';
import { DoubleEntryDataModule } from './double-entry-data.module';

/** Double entry's read side: the head judge's view of both entries (docs/rules.md#double-entry). */
@Module({
  imports: [DoubleEntryDataModule, LedgerDataModule, CategoriesModule],
  controllers: [DoubleEntryController],
})
export class DoubleEntryModule {}
