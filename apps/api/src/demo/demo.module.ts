import { Module } from '@nestjs/common';
import { CategoriesModule } from '../categories/categories.module';
import { DevicesModule } from '../devices/devices.module';
import { FieldsModule } from '../fields/fields.module';
import { JudgesModule } from '../judges/judges.module';
import { LedgerModule } from '../ledger/ledger.module';
import { OlympiadsDataModule } from '../olympiads/olympiads-data.module';
import { OlympiadsModule } from '../olympiads/olympiads.module';
import { SchoolsDataModule } from '../schools/schools-data.module';
import { StagesModule } from '../stages/stages.module';
import { TeamsModule } from '../teams/teams.module';
import { DemoSeeder } from './demo-seeder';

@Module({
  imports: [
    OlympiadsDataModule,
    OlympiadsModule,
    StagesModule,
    SchoolsDataModule,
    CategoriesModule,
    TeamsModule,
    FieldsModule,
    JudgesModule,
    LedgerModule,
    DevicesModule,
  ],
  providers: [DemoSeeder],
})
export class DemoModule {}
