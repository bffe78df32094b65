import type { ProtestStatus, ProtestTarget } from '@olympiad/contracts';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A team's protest (docs/rules.md#protests). Recorded open, then decided once: the row moves from
 * `open` to `upheld` or `rejected` and is never changed again nor deleted (triggers, migration
 * Protests1733860000000).
 */
@Entity('protest')
@Index(['stageId', 'status'])
@Index(['categoryId', 'status'])
export class ProtestEntity {
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  @Column('varchar', { length: 36 })
  stageId!: string;

  @Column('varchar', { length: 36 })
  categoryId!: string;

  @Column('varchar', { length: 36 })
  teamId!: string;

  @Column('simple-json')
  target!: ProtestTarget;

  /** The coach or captain who protested. */
  @Column('varchar', { length: 200 })
  protestedBy!: string;

  @Column('varchar', { length: 32 })
  receivedAt!: string;

  @Column('varchar', { length: 60 })
  recordedById!: string;

  @Column('varchar', { length: 200 })
  recordedByName!: string;

  @Column('varchar', { length: 1000 })
  reason!: string;

  @Column('varchar', { length: 20 })
  status!: ProtestStatus;

  @Column('varchar', { length: 60, nullable: true })
  decidedById!: string | null;

  @Column('varchar', { length: 200, nullable: true })
  decidedByName!: string | null;

  @Column('varchar', { length: 32, nullable: true })
  decidedAt!: string | null;

  @Column('varchar', { length: 500, nullable: true })
  decisionReason!: string | null;

  /** The ledger correction an upheld protest caused. */
  @Column('varchar', { length: 36, nullable: true })
  correctionEntryId!: string | null;
}
