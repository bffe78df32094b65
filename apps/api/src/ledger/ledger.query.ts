import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { countPerStage } from '../database/count-per-stage';
import { rawStatement } from '../database/raw-statement';
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

  /**
   * The category's entries after `afterSeq` and before `beforeSeq`, in the order they were recorded:
   * what a projection kept in memory lacks of the entries other replicas stored since it was built
   * (none, nearly always). Hand-written, it is on every score's path on PostgreSQL (see rawStatement).
   */
  async entriesBetween(
    categoryId: string,
    afterSeq: number,
    beforeSeq: number,
    manager: EntityManager,
  ): Promise<LedgerEntryRow[]> {
    const sql =
      'SELECT * FROM ledger_entry WHERE "categoryId" = ? AND seq > ? AND seq < ? ORDER BY seq';
    const { rows } = await rawStatement(manager, sql, [categoryId, afterSeq, beforeSeq]);
    return rows.map((row) =>
      Object.assign(new LedgerEntryEntity(), row, {
        seq: Number(row.seq),
        payload: typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload,
        awaitsConfirmation: Boolean(row.awaitsConfirmation),
      }),
    );
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

  /** The stage's entries in the order they were recorded. */
  entriesOfStage(
    stageId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<LedgerEntryRow[]> {
    return manager.find(LedgerEntryEntity, { where: { stageId }, order: { seq: 'ASC' } });
  }

  entriesByIds(
    ids: string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<LedgerEntryRow[]> {
    return manager.find(LedgerEntryEntity, { where: { id: In(ids) } });
  }

  /** How many entries each of these stages has (stages without any are left out). */
  async entryCountsOfStages(
    stageIds: string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, number>> {
    return countPerStage(manager, LedgerEntryEntity, stageIds);
  }

  /**
   * The stage's entries whose id is not in the table `receipts` (column `entryId`), oldest first:
   * the federation's outbox, whose receipts are the republic's acknowledgements
   * (docs/federation.md, "Store and forward").
   */
  entriesWithoutReceipt(
    stageId: string,
    receipts: string,
    limit: number,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<LedgerEntryRow[]> {
    return this.withoutReceipt(stageId, receipts, manager)
      .orderBy('entry.seq', 'ASC')
      .limit(limit)
      .getMany();
  }

  countEntriesWithoutReceipt(
    stageId: string,
    receipts: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<number> {
    return this.withoutReceipt(stageId, receipts, manager).getCount();
  }

  private withoutReceipt(stageId: string, receipts: string, manager: EntityManager) {
    return manager
      .createQueryBuilder(LedgerEntryEntity, 'entry')
      .where('entry.stageId = :stageId', { stageId })
      .andWhere(`NOT EXISTS (SELECT 1 FROM ${receipts} ack WHERE ack."entryId" = entry.id)`);
  }
}
