import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { StandingsModule } from '../standings/standings.module';
import { LiveGateway } from './live.gateway';
import { LiveService } from './live.service';

@Module({
  imports: [AuthModule, StandingsModule],
  providers: [LiveService, LiveGateway],
  exports: [LiveService],
})
export class LiveModule {}
