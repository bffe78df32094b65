import { Module } from '@nestjs/common';
import { LiveModule } from '../live/live.module';
import { MqttModule } from '../mqtt/mqtt.module';
import { SensorsModule } from '../sensors/sensors.module';
import { HealthController } from './health.controller';

@Module({ imports: [MqttModule, LiveModule, SensorsModule], controllers: [HealthController] })
export class HealthModule {}
