import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { RunState, UnassignedSensorEvent } from '@olympiad/contracts';
import { DataSource } from 'typeorm';
import { DeviceHealthService } from '../devices/device-health.service';
import { LiveService } from '../live/live.service';
import { SensorEventsQuery } from '../sensors/sensor-events.query';
import { toRunState, toUnassigned } from './run-state';
import { latestRunOf } from './run-statements';

/**
 * What a field's run looks like now: its latest run and the gate events no run claimed, for
 * `GET /api/fields/:id/run` and `…/unassigned` and for the snapshot a field room's joiner gets.
 */
@Injectable()
export class FieldRunQuery implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly live: LiveService,
    private readonly health: DeviceHealthService,
    private readonly sensorEvents: SensorEventsQuery,
  ) {}

  onModuleInit(): void {
    this.live.provideFieldSnapshot(async (fieldId) => ({
      run: await this.current(fieldId),
      devices: await this.health.statusOfField(fieldId),
      unassigned: await this.unassigned(fieldId),
    }));
  }

  async current(fieldId: string): Promise<RunState> {
    return toRunState(fieldId, await latestRunOf(this.dataSource.manager, fieldId));
  }

  async unassigned(fieldId: string): Promise<UnassignedSensorEvent[]> {
    const since = new Date(Date.now() - 4 * 3600_000).toISOString();
    const events = await this.sensorEvents.unclaimedGatesOfField(fieldId, since, 50);
    return events.map(toUnassigned);
  }
}
