import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { LedgerEntryEntity } from './ledger-entry.entity';

export type LedgerEntryRow = LedgerEntryEntity;

/**
 * What other features may read of the score ledger (they never import this feature's entities). Every
 * method takes an optional `manager` to read inside the caller's transaction.
 */
@Injectable()
export class LedgerQuery {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Whether any score has been recorded in the category. */
  hasEntries(
    categoryId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<boolean> {
    return manager.existsBy(LedgerEntryEntity, { categoryId });
  }

  /** The category's entries in the order they were recorded. */
  entriesOfCategory(
    categoryId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<LedgerEntryRow[]> {
    return manager.find(LedgerEntryEntity, { where: { categoryId }, order: { seq: 'ASC' } });
  }

  /** The category's newest entry of this kind (e.g. its sumo draw), or null. */
  latestOfKind(
    categoryId: string,
    kind: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<LedgerEntryRow | null> {
    return manager.findOne(LedgerEntryEntity, {
      where: { categoryId, kind },
      order: { seq: 'DESC' },
    });
  }

  /** Whether an entry with this id is in the ledger. */
  hasEntry(id: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    return manager.existsBy(LedgerEntryEntity, { id });
  }

  /** The entries of these categories in the order they were recorded. */
  entriesOfCategories(
    categoryIds: string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<LedgerEntryRow[]> {
    return categoryIds.length === 0
      ? Promise.resolve([])
      : manager.find(LedgerEntryEntity, {
          where: { categoryId: In(categoryIds) },
          order: { seq: 'ASC' },
        });
  }
}
