import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DoubleEntryEntity } from './double-entry.entity';

export type DoubleEntryRow = DoubleEntryEntity;

/**
 * The blind entries of double-entry categories (docs/rules.md#double-entry). The ledger's use case
 * reads and adds them inside its own transaction, under the category's write lock, so two replicas
 * pair a slot's entries the same way.
 */
@Injectable()
export class DoubleEntryStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  byId(
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<DoubleEntryRow | null> {
    return manager.findOneBy(DoubleEntryEntity, { id });
  }

  /** The slot's entries in the order they arrived. */
  ofSlot(
    categoryId: string,
    slot: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<DoubleEntryRow[]> {
    return manager.find(DoubleEntryEntity, {
      where: { categoryId, slot },
      order: { receivedAt: 'ASC', id: 'ASC' },
    });
  }

  ofCategory(
    categoryId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<DoubleEntryRow[]> {
    return manager.find(DoubleEntryEntity, {
      where: { categoryId },
      order: { receivedAt: 'ASC', id: 'ASC' },
    });
  }

  async add(row: DoubleEntryRow, manager: EntityManager): Promise<void> {
    // simple-json column: TypeORM's insert type cannot see that a JSON record is a whole value.
    await manager.insert(DoubleEntryEntity, row as never);
  }
}
