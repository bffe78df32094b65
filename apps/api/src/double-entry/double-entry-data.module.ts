import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DoubleEntryEntity } from './double-entry.entity';
import { DoubleEntryStore } from './double-entry.store';

/**
 * The blind entries of double entry: this feature's table, registered here and nowhere else
 * (docs/architecture.md#features-own-their-data). No imports of other features, so the ledger's
 * module may import it without a cycle.
 */
@Module({
  imports: [TypeOrmModule.forFeature([DoubleEntryEntity])],
  providers: [DoubleEntryStore],
  exports: [TypeOrmModule, DoubleEntryStore],
})
export class DoubleEntryDataModule {}
