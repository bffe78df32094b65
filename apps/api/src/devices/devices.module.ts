import { Module } from '@nestjs/common';
import { FieldsDataModule } from '../fields/fields-data.module';
import { LiveModule } from '../live/live.module';
import { DeviceCredentialsService } from './device-credentials.service';
import { DeviceHealthService } from './device-health.service';
import { DeviceRegistryService } from './device-registry.service';
import { DevicesController } from './devices.controller';
import { DevicesDataModule } from './devices-data.module';

/** Field sensor controllers: registration, MQTT credentials and live health. */
@Module({
  imports: [LiveModule, DevicesDataModule, FieldsDataModule],
  controllers: [DevicesController],
  providers: [DeviceCredentialsService, DeviceHealthService, DeviceRegistryService],
  exports: [DeviceCredentialsService, DeviceHealthService, DeviceRegistryService],
})
export class DevicesModule {}
