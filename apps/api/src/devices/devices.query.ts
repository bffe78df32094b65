import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DeviceEntity } from './device.entity';

export type DeviceRow = DeviceEntity;

/**
 * What other features may read of devices (they never import this feature's entities). Every
 * method takes an optional `manager` to read inside the caller's transaction.
 */
@Injectable()
export class DevicesQuery {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  deviceById(
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<DeviceRow | null> {
    return manager.findOneBy(DeviceEntity, { id });
  }
}
