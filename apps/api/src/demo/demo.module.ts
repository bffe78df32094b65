import { Module } from '@nestjs/common';
import { CategoriesModule } from '../categories/categories.module';
import { JudgesModule } from '../judges/judges.module';
import { StagesModule } from '../stages/stages.module';
import { TeamsModule } from '../teams/teams.module';
import { DemoSeeder } from './demo-seeder';

@Module({ imports: [StagesModule, CategoriesModule, TeamsModule, JudgesModule], providers: [DemoSeeder] })
export class DemoModule {}
