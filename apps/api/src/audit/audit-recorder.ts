import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuditAction, AuditObjectKind, AuditValue } from '@olympiad/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import { AuditEntryEntity } from './audit-entry.entity';
import { currentRequestId } from './audit-request-context';

/** Who acted: a proven actor, the server itself, or a name only (a failed sign-in proves nobody). */
export type AuditActor = Actor | { kind: 'system' | 'anonymous'; name: string };

/** Actions the server takes on its own (the demo seeder). */
export const SERVER_ACTOR: AuditActor = { kind: 'system', name: 'server' };

export interface AuditRecord {
  actor: AuditActor;
  stageId: string | null;
  object: { kind: AuditObjectKind; id: string; name?: string | null };
  action: AuditAction;
  before?: AuditValue;
  after?: AuditValue;
}

/**
 * Puts one action on the audit record (docs/audit.md). Pass the action's own transaction manager:
 * the row then commits or rolls back with the action, so a refused action leaves no row and a
 * committed one always has its row.
 */
@Injectable()
export class AuditRecorder {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async record(
    record: AuditRecord,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    const { actor } = record;
    const row: AuditEntryEntity = {
      id: randomUUID(),
      at: new Date().toISOString(),
      actorKind: actor.kind,
      actorId: 'id' in actor ? actor.id : null,
      actorName: actor.name.slice(0, 200),
      stageId: record.stageId,
      objectKind: record.object.kind,
      objectId: record.object.id,
      objectName: record.object.name?.slice(0, 200) ?? null,
      action: record.action,
      before: record.before ?? null,
      after: record.after ?? null,
      requestId: currentRequestId(),
    };
    // simple-json columns: TypeORM's insert type cannot see that a JSON record is a whole value.
    await manager.insert(AuditEntryEntity, row as never);
  }
}
