import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuditAction, AuditEntry, AuditFilters as RequestFilters } from '@olympiad/contracts';
import { DataSource, EntityManager, In, SelectQueryBuilder } from 'typeorm';
import { AuditEntryEntity } from './audit-entry.entity';

/** The request's filters, and the stages a coordinator reaches (docs/security.md#staff-accounts). */
type AuditFilters = RequestFilters & { reach?: readonly string[] };

/** Reads the audit record, newest first. */
@Injectable()
export class AuditQuery {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async page(
    filters: AuditFilters,
    offset: number,
    limit: number,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<{ entries: AuditEntry[]; total: number }> {
    const query = this.filtered(filters, manager);
    const [rows, total] = await query.skip(offset).take(limit).getManyAndCount();
    return { entries: rows.map(toAuditEntry), total };
  }

  /** One object's rows of the given actions, oldest first (a category's lock and publish history). */
  async history(
    objectId: string,
    actions: readonly AuditAction[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<AuditEntry[]> {
    const rows = await manager.find(AuditEntryEntity, {
      where: { objectId, action: In([...actions]) },
      order: { at: 'ASC', id: 'ASC' },
    });
    return rows.map(toAuditEntry);
  }

  /** Every row the filters match, in pages of `batch`, for the CSV export. */
  async *all(filters: AuditFilters, batch = 1000): AsyncGenerator<AuditEntry[]> {
    for (let offset = 0; ; offset += batch) {
      const rows = await this.filtered(filters, this.dataSource.manager)
        .skip(offset)
        .take(batch)
        .getMany();
      if (rows.length > 0) yield rows.map(toAuditEntry);
      if (rows.length < batch) return;
    }
  }

  private filtered(
    filters: AuditFilters,
    manager: EntityManager,
  ): SelectQueryBuilder<AuditEntryEntity> {
    const query = manager
      .createQueryBuilder(AuditEntryEntity, 'audit')
      .orderBy('audit.at', 'DESC')
      .addOrderBy('audit.id', 'DESC');
    if (filters.stageId) query.andWhere('audit.stageId = :stageId', { stageId: filters.stageId });
    if (filters.reach)
      query.andWhere(filters.reach.length > 0 ? 'audit.stageId IN (:...reach)' : '1 = 0', {
        reach: filters.reach,
      });
    if (filters.actorId) query.andWhere('audit.actorId = :actorId', { actorId: filters.actorId });
    if (filters.action) query.andWhere('audit.action = :action', { action: filters.action });
    if (filters.objectKind)
      query.andWhere('audit.objectKind = :objectKind', { objectKind: filters.objectKind });
    if (filters.objectId)
      query.andWhere('audit.objectId = :objectId', { objectId: filters.objectId });
    if (filters.from)
      query.andWhere('audit.at >= :from', { from: new Date(filters.from).toISOString() });
    if (filters.to) query.andWhere('audit.at < :to', { to: new Date(filters.to).toISOString() });
    return query;
  }
}

export function toAuditEntry(row: AuditEntryEntity): AuditEntry {
  return {
    id: row.id,
    at: row.at,
    actor: { kind: row.actorKind, id: row.actorId, name: row.actorName },
    stageId: row.stageId,
    object: { kind: row.objectKind, id: row.objectId, name: row.objectName },
    action: row.action,
    before: row.before,
    after: row.after,
    requestId: row.requestId,
  };
}
