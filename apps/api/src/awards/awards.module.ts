import { Module } from '@nestjs/common';
import { CategoriesDataModule } from '../categories/categories-data.module';
import { LiveModule } from '../live/live.module';
import { StandingsModule } from '../standings/standings.module';
import { AwardsController } from './awards.controller';
import { AwardsService } from './awards.service';

@Module({
  imports: [LiveModule, StandingsModule, CategoriesDataModule],
  controllers: [AwardsController],
  providers: [AwardsService],
  exports: [AwardsService],
})
export class AwardsModule {}
