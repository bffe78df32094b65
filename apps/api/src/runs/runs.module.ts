import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { CategoriesDataModule } from '../categories/categories-data.module';
import { DevicesModule } from '../devices/devices.module';
import { FieldsDataModule } from '../fields/fields-data.module';
import { InspectionsDataModule } from '../inspections/inspections-data.module';
import { JudgesDataModule } from '../judges/judges-data.module';
import { LedgerModule } from '../ledger/ledger.module';
import { LiveModule } from '../live/live.module';
import { SensorsDataModule } from '../sensors/sensors-data.module';
import { TeamsDataModule } from '../teams/teams-data.module';
import { ArmRunUseCase } from './arm-run.use-case';
import { AttachSensorEventsUseCase } from './attach-sensor-events.use-case';
import { FieldRunQuery } from './field-run.query';
import { FieldRunQueue } from './field-run-queue';
import { RecordDeviceRebootUseCase } from './record-device-reboot.use-case';
import { RecordGateEventUseCase } from './record-gate-event.use-case';
import { CrossDeviceTiming } from './cross-device-timing';
import { RecordProvisionalAttempt } from './record-provisional-attempt';
import { RunAnnouncer } from './run-announcer';
import { RunTargetQuery } from './run-target.query';
import { RunsDataModule } from './runs-data.module';
import { RunsController } from './runs.controller';
import { RunsGateway } from './runs.gateway';

@Module({
  imports: [
    AuthModule,
    LedgerModule,
    LiveModule,
    DevicesModule,
    RunsDataModule,
    SensorsDataModule,
    FieldsDataModule,
    CategoriesDataModule,
    TeamsDataModule,
    JudgesDataModule,
    InspectionsDataModule,
  ],
  controllers: [RunsController],
  providers: [
    FieldRunQuery,
    ArmRunUseCase,
    AttachSensorEventsUseCase,
    RecordGateEventUseCase,
    CrossDeviceTiming,
    RecordDeviceRebootUseCase,
    FieldRunQueue,
    RecordProvisionalAttempt,
    RunAnnouncer,
    RunTargetQuery,
    RunsGateway,
  ],
  exports: [RecordGateEventUseCase, RecordDeviceRebootUseCase],
})
export class RunsModule {}
