import { Module } from '@nestjs/common';
import { LedgerModule } from '../ledger/ledger.module';
import { SumoDrawController } from './sumo-draw.controller';
import { SumoDrawService } from './sumo-draw.service';

@Module({ imports: [LedgerModule], controllers: [SumoDrawController], providers: [SumoDrawService] })
export class SumoDrawModule {}
