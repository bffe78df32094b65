import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull, MoreThan, MoreThanOrEqual } from 'typeorm';
import { SensorEventEntity } from './sensor-event.entity';

export type SensorEventRow = SensorEventEntity;

/**
 * What other features may read of the sensor event log (they never import this feature's entities). Every
 * method takes an optional `manager` to read inside the caller's transaction.
 */
@Injectable()
export class SensorEventsQuery {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The stored event with this id, if it came from a device on this field. */
  eventOnField(
    id: string,
    fieldId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<SensorEventRow | null> {
    return manager.findOneBy(SensorEventEntity, { id, fieldId });
  }

  /** The field's newest gate events since `since` that no run claimed, newest first. */
  unclaimedGatesOfField(
    fieldId: string,
    since: string,
    limit: number,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<SensorEventRow[]> {
    return manager.find(SensorEventEntity, {
      where: { fieldId, type: 'gate', runId: IsNull(), receivedAt: MoreThanOrEqual(since) },
      order: { receivedAt: 'DESC' },
      take: limit,
    });
  }

  /**
   * The newest `limit` events of one device boot as clock samples (device time, server receipt):
   * what a device's clock offset is estimated from (docs/sensor-contract.md#clock-offsets), read
   * from the database so every replica, and a restarted server, estimates the same.
   */
  async clockSamplesOf(
    deviceId: string,
    boot: string,
    limit: number,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ deviceTimeUs: number; receivedAt: string }[]> {
    return manager.find(SensorEventEntity, {
      where: { deviceId, boot },
      select: { id: true, deviceTimeUs: true, receivedAt: true },
      order: { seq: 'DESC' },
      take: limit,
    });
  }

  /**
   * The first unclaimed finish gate the same device boot sent after this start, received since
   * `since`: a finish that overtook its start on the network.
   */
  unclaimedFinishAfter(
    start: Pick<SensorEventRow, 'deviceId' | 'boot' | 'seq'>,
    since: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<SensorEventRow | null> {
    return manager.findOne(SensorEventEntity, {
      where: {
        deviceId: start.deviceId,
        boot: start.boot,
        gate: 'finish',
        runId: IsNull(),
        seq: MoreThan(start.seq),
        receivedAt: MoreThanOrEqual(since),
      },
      order: { seq: 'ASC' },
    });
  }
}
