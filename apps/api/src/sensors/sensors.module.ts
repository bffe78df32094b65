import { Module } from '@nestjs/common';
import { DevicesDataModule } from '../devices/devices-data.module';
import { DevicesModule } from '../devices/devices.module';
import { FieldsDataModule } from '../fields/fields-data.module';
import { LiveModule } from '../live/live.module';
import { RunsModule } from '../runs/runs.module';
import { SensorIngestionService } from './sensor-ingestion.service';
import { SensorsDataModule } from './sensors-data.module';
import { SensorsController } from './sensors.controller';

@Module({
  imports: [
    RunsModule,
    DevicesModule,
    LiveModule,
    SensorsDataModule,
    DevicesDataModule,
    FieldsDataModule,
  ],
  controllers: [SensorsController],
  providers: [SensorIngestionService],
  exports: [SensorIngestionService],
})
export class SensorsModule {}
