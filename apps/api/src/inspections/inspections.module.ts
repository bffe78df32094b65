import { Module } from '@nestjs/common';
import { CategoriesDataModule } from '../categories/categories-data.module';
import { TeamsDataModule } from '../teams/teams-data.module';
import { InspectionsController } from './inspections.controller';
import { InspectionsDataModule } from './inspections-data.module';
import { InspectionsService } from './inspections.service';

/** Technical inspection of robots, recorded by the head judge (docs/rules.md#technical-inspection). */
@Module({
  imports: [InspectionsDataModule, CategoriesDataModule, TeamsDataModule],
  controllers: [InspectionsController],
  providers: [InspectionsService],
})
export class InspectionsModule {}
