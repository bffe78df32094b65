import { Module } from '@nestjs/common';
import { CategoriesDataModule } from '../categories/categories-data.module';
import { LedgerDataModule } from '../ledger/ledger-data.module';
import { LedgerModule } from '../ledger/ledger.module';
import { StandingsModule } from '../standings/standings.module';
import { SumoDrawController } from './sumo-draw.controller';
import { SumoDrawService } from './sumo-draw.service';

@Module({
  imports: [LedgerModule, LedgerDataModule, CategoriesDataModule, StandingsModule],
  controllers: [SumoDrawController],
  providers: [SumoDrawService],
})
export class SumoDrawModule {}
