import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One judge's blind entry of a double-entry category (docs/rules.md#double-entry), as the rules
 * validated it. Kept out of the ledger so nobody reads its values before the second entry is in;
 * never changed nor deleted, so the audit trail keeps both entries of every attempt.
 */
@Entity('double_entry')
@Index(['categoryId', 'slot'])
export class DoubleEntryEntity {
  /** The tablet's UUID for the entry: its idempotency key. */
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  @Column('varchar', { length: 36 })
  stageId!: string;

  @Column('varchar', { length: 36 })
  categoryId!: string;

  @Column('varchar', { length: 36, nullable: true })
  teamId!: string | null;

  @Column('varchar', { length: 40 })
  kind!: string;

  /** The attempt, task, sheet or match it scores (`doubleEntrySlot` of libs/scoring). */
  @Column('varchar', { length: 300 })
  slot!: string;

  @Column('simple-json')
  payload!: Record<string, unknown>;

  /** The sensor's provisional entry the judge confirmed, if any. */
  @Column('varchar', { length: 36, nullable: true })
  supersedes!: string | null;

  @Column('varchar', { length: 60 })
  authorId!: string;

  @Column('varchar', { length: 200 })
  authorName!: string;

  @Column('varchar', { length: 20 })
  authorRole!: string;

  @Column('varchar', { length: 40 })
  recordedAt!: string;

  @Column('varchar', { length: 32 })
  receivedAt!: string;

  /** The ledger entry its arrival wrote: the slot's stand-in, or the agreed result. */
  @Column('varchar', { length: 36 })
  ledgerEntryId!: string;
}
