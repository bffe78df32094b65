import { Module } from '@nestjs/common';
import { CategoriesModule } from '../categories/categories.module';
import { LedgerModule } from '../ledger/ledger.module';
import { DevicesModule } from '../devices/devices.module';
import { JudgesModule } from '../judges/judges.module';
import { StagesModule } from '../stages/stages.module';
import { TeamsModule } from '../teams/teams.module';
import { DemoSeeder } from './demo-seeder';

@Module({ imports: [StagesModule, CategoriesModule, TeamsModule, JudgesModule, LedgerModule, DevicesModule], providers: [DemoSeeder] })
export class DemoModule {}
