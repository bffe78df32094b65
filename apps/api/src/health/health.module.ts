import { Module } from '@nestjs/common';
import { LiveModule } from '../live/live.module';
import { MqttModule } from '../mqtt/mqtt.module';
import { HealthController } from './health.controller';

@Module({ imports: [MqttModule, LiveModule], controllers: [HealthController] })
export class HealthModule {}
