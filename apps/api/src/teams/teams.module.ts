import { Module } from '@nestjs/common';
import { LedgerModule } from '../ledger/ledger.module';
import { TeamsController } from './teams.controller';
import { TeamsService } from './teams.service';

@Module({ imports: [LedgerModule], controllers: [TeamsController], providers: [TeamsService], exports: [TeamsService] })
export class TeamsModule {}
