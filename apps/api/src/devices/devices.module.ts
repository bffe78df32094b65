import { Module } from '@nestjs/common';
import { LiveModule } from '../live/live.module';
import { DeviceCredentialsService } from './device-credentials.service';
import { DeviceHealthService } from './device-health.service';
import { DeviceRegistryService } from './device-registry.service';
import { DevicesController } from './devices.controller';

/** Field sensor controllers: registration, MQTT credentials and live health. */
@Module({
  imports: [LiveModule],
  controllers: [DevicesController],
  providers: [DeviceCredentialsService, DeviceHealthService, DeviceRegistryService],
  exports: [DeviceCredentialsService, DeviceHealthService, DeviceRegistryService],
})
export class DevicesModule {}
