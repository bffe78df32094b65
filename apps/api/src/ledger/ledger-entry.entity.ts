import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The score ledger (docs/design.md#the-score-ledger): one row per judge action or sensor event, never updated or
 * deleted (the initial migration adds triggers that refuse both on SQLite and PostgreSQL).
 * Corrections are new rows whose `supersedes` names the row they replace.
 */
@Entity('ledger_entry')
@Index(['categoryId', 'seq'])
export class LedgerEntryEntity {
  /** Order of acceptance on this server. */
  @PrimaryGeneratedColumn('increment')
  seq!: number;

  /** Client-generated UUID: the idempotency key. */
  @Index({ unique: true })
  @Column('varchar', { length: 36 })
  id!: string;

  @Column('varchar', { length: 36 })
  stageId!: string;

  @Column('varchar', { length: 36 })
  categoryId!: string;

  @Column('varchar', { length: 36, nullable: true })
  teamId!: string | null;

  @Column('varchar', { length: 60 })
  kind!: string;

  @Column('simple-json')
  payload!: Record<string, unknown>;

  @Column('varchar', { length: 36, nullable: true })
  supersedes!: string | null;

  @Column('varchar', { length: 500, nullable: true })
  reason!: string | null;

  /** Judge or organiser id, or `device:{id}` for sensor events. */
  @Column('varchar', { length: 60 })
  authorId!: string;

  @Column('varchar', { length: 20 })
  authorRole!: string;

  @Column('varchar', { length: 40, nullable: true })
  deviceId!: string | null;

  /** When the tablet or device made the entry (its own clock). */
  @Column('varchar', { length: 40 })
  recordedAt!: string;

  /**
   * A finish gate's attempt, counted only once a judge's entry supersedes it
   * (docs/results-display.md). Fixed when the row is written: rows stored before the rule existed
   * were settled by the old tablets without a confirming entry, and keep counting.
   */
  @Column('boolean', { default: false })
  awaitsConfirmation!: boolean;

  /** When this server accepted it. */
  @Column('varchar', { length: 32 })
  receivedAt!: string;
}
