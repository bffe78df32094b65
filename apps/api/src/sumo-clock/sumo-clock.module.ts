import { Module } from '@nestjs/common';
import { CategoriesDataModule } from '../categories/categories-data.module';
import { FieldsDataModule } from '../fields/fields-data.module';
import { JudgesDataModule } from '../judges/judges-data.module';
import { LedgerDataModule } from '../ledger/ledger-data.module';
import { LiveModule } from '../live/live.module';
import { StandingsModule } from '../standings/standings.module';
import { SumoClockController } from './sumo-clock.controller';
import { SumoClockService } from './sumo-clock.service';

/** The sumo rings' match clocks, from the judges' tablets to the overlays. */
@Module({
  imports: [
    FieldsDataModule,
    CategoriesDataModule,
    JudgesDataModule,
    LedgerDataModule,
    LiveModule,
    StandingsModule,
  ],
  controllers: [SumoClockController],
  providers: [SumoClockService],
})
export class SumoClockModule {}
