import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { DevicesModule } from '../devices/devices.module';
import { LedgerModule } from '../ledger/ledger.module';
import { LiveModule } from '../live/live.module';
import { RunTimingService } from './run-timing.service';
import { RunsController } from './runs.controller';
import { RunsGateway } from './runs.gateway';

@Module({
  imports: [AuthModule, LedgerModule, LiveModule, DevicesModule],
  controllers: [RunsController],
  providers: [RunTimingService, RunsGateway],
  exports: [RunTimingService],
})
export class RunsModule {}
