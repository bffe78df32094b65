import { Module } from '@nestjs/common';
import { LiveModule } from '../live/live.module';
import { StandingsModule } from '../standings/standings.module';
import { AwardsController } from './awards.controller';
import { AwardsService } from './awards.service';

@Module({
  imports: [LiveModule, StandingsModule],
  controllers: [AwardsController],
  providers: [AwardsService],
  exports: [AwardsService],
})
export class AwardsModule {}
