import { Module } from '@nestjs/common';
import { DevicesModule } from '../devices/devices.module';
import { LiveModule } from '../live/live.module';
import { RunsModule } from '../runs/runs.module';
import { SensorIngestionService } from './sensor-ingestion.service';
import { SensorsController } from './sensors.controller';

@Module({
  imports: [RunsModule, DevicesModule, LiveModule],
  controllers: [SensorsController],
  providers: [SensorIngestionService],
  exports: [SensorIngestionService],
})
export class SensorsModule {}
