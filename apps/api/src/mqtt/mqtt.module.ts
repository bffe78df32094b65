import { Module } from '@nestjs/common';
import { DevicesModule } from '../devices/devices.module';
import { SensorsModule } from '../sensors/sensors.module';
import { MqttBrokerService } from './mqtt-broker.service';
import { MqttConnectionService } from './mqtt-connection.service';

@Module({
  imports: [DevicesModule, SensorsModule],
  providers: [MqttBrokerService, MqttConnectionService],
  exports: [MqttBrokerService, MqttConnectionService],
})
export class MqttModule {}
