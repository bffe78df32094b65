import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { HeldEntryEntity } from './held-entry.entity';
import { HeldEntriesQuery } from './held-entries.query';

/**
 * The held entries: this feature's tables, registered here and nowhere else, and the one service other
 * features read them through (docs/architecture.md#features-own-their-data). No imports of other
 * features, so any module may import it without a cycle.
 */
@Module({
  imports: [TypeOrmModule.forFeature([HeldEntryEntity])],
  providers: [HeldEntriesQuery],
  exports: [TypeOrmModule, HeldEntriesQuery],
})
export class HeldEntriesDataModule {}
