import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { LiveModule } from '../live/live.module';
import { MqttModule } from '../mqtt/mqtt.module';
import { SensorsModule } from '../sensors/sensors.module';
import { HealthController } from './health.controller';
import { ProbesController } from './probes.controller';
import { RedisPing } from './redis-ping';
import { ShutdownState } from './shutdown-state';

@Module({
  // A failed probe is an answer (503 with the reason), not an error for the log.
  imports: [MqttModule, LiveModule, SensorsModule, TerminusModule.forRoot({ logger: false })],
  controllers: [HealthController, ProbesController],
  providers: [RedisPing, ShutdownState],
})
export class HealthModule {}
