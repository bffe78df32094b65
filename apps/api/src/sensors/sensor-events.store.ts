import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { SensorEventEntity } from './sensor-event.entity';
import { insertNewSensorEvents } from './sensor-event-rows';
import type { SensorEventRow } from './sensor-events.query';

/**
 * How other features change the sensor event log: run timing stores the gate events that move a
 * run together with the run, and claims or frees the events of a run. Every method takes an
 * optional `manager` to write inside the caller's transaction.
 */
@Injectable()
export class SensorEventsStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Stores the rows not stored yet (see insertNewSensorEvents); returns how many were new. */
  insertNew(
    rows: SensorEventRow[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<number> {
    return insertNewSensorEvents(manager, rows);
  }

  /** These events now belong to the run. */
  async claimForRun(
    eventIds: string[],
    runId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    await manager.update(SensorEventEntity, { id: In(eventIds) }, { runId });
  }

  /** The events the run had claimed go back to the unassigned list. */
  async releaseFromRun(
    runId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    await manager.update(SensorEventEntity, { runId }, { runId: null });
  }
}
