import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SensorEventEntity } from './sensor-event.entity';
import { SensorEventsQuery } from './sensor-events.query';
import { SensorEventsStore } from './sensor-events.store';

/**
 * The sensor event log: this feature's tables, registered here and nowhere else, and the one service other
 * features read them through (docs/architecture.md#features-own-their-data). No imports of other
 * features, so any module may import it without a cycle.
 */
@Module({
  imports: [TypeOrmModule.forFeature([SensorEventEntity])],
  providers: [SensorEventsQuery, SensorEventsStore],
  exports: [TypeOrmModule, SensorEventsQuery, SensorEventsStore],
})
export class SensorsDataModule {}
