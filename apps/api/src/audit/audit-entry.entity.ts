import type { AuditAction, AuditActorKind, AuditObjectKind, AuditValue } from '@olympiad/contracts';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One action on the record (docs/audit.md). Rows are only ever inserted: the database refuses
 * UPDATE and DELETE (migration `AuditRecord1733600000000`).
 */
@Entity('audit_entry')
@Index(['at'])
@Index(['stageId', 'at'])
@Index(['objectId', 'at'])
@Index(['actorId', 'at'])
export class AuditEntryEntity {
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  /** ISO 8601, UTC, with milliseconds: sorts as text. */
  @Column('varchar', { length: 32 })
  at!: string;

  @Column('varchar', { length: 20 })
  actorKind!: AuditActorKind;

  @Column('varchar', { length: 60, nullable: true })
  actorId!: string | null;

  @Column('varchar', { length: 200 })
  actorName!: string;

  @Column('varchar', { length: 36, nullable: true })
  stageId!: string | null;

  @Column('varchar', { length: 20 })
  objectKind!: AuditObjectKind;

  /** A row's id, a device's own id, or a file's SHA-256 (an import). */
  @Column('varchar', { length: 80 })
  objectId!: string;

  /** The object's name when the action happened (a team renamed later still reads as it was). */
  @Column('varchar', { length: 200, nullable: true })
  objectName!: string | null;

  @Column('varchar', { length: 40 })
  action!: AuditAction;

  @Column('simple-json', { nullable: true })
  before!: AuditValue;

  @Column('simple-json', { nullable: true })
  after!: AuditValue;

  @Column('varchar', { length: 128, nullable: true })
  requestId!: string | null;
}
