import { Module } from '@nestjs/common';
import { LedgerModule } from '../ledger/ledger.module';
import { LiveModule } from '../live/live.module';
import { HeldEntriesController } from './held-entries.controller';
import { HeldEntriesService } from './held-entries.service';

/** The head judge's review queue of refused tablet entries. */
@Module({ imports: [LedgerModule, LiveModule], controllers: [HeldEntriesController], providers: [HeldEntriesService] })
export class HeldEntriesModule {}
