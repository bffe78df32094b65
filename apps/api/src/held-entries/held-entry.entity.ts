import type { HeldEntryStatus, LedgerEntryInput } from '@olympiad/contracts';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A tablet entry the server refused, kept for the head judge. The row is only ever
 * moved from `open` to `accepted` or `dismissed`; it is never deleted, so the queue's history
 * shows every refused entry and what became of it.
 */
@Entity('held_entry')
@Index(['stageId', 'status'])
export class HeldEntryEntity {
  /** The entry's own UUID, as the tablet made it. */
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  @Column('varchar', { length: 36 })
  stageId!: string;

  @Column('varchar', { length: 36 })
  categoryId!: string;

  @Column('varchar', { length: 36, nullable: true })
  teamId!: string | null;

  /** Exactly what the tablet sent to the ledger; an accepted entry is recorded from this. */
  @Column('simple-json')
  entry!: LedgerEntryInput;

  @Column('varchar', { length: 80 })
  refusalKey!: string;

  @Column('varchar', { length: 500 })
  refusalMessage!: string;

  /** The judge (or organiser) whose tablet made the entry; an accepted entry is theirs in the ledger. */
  @Column('varchar', { length: 60 })
  heldById!: string;

  @Column('varchar', { length: 200 })
  heldByName!: string;

  @Column('varchar', { length: 20 })
  heldByRole!: string;

  @Column('varchar', { length: 32 })
  heldAt!: string;

  @Column('varchar', { length: 20 })
  status!: HeldEntryStatus;

  @Column('varchar', { length: 20, nullable: true })
  resolvedAction!: 'accept' | 'dismiss' | null;

  @Column('varchar', { length: 500, nullable: true })
  resolvedReason!: string | null;

  @Column('varchar', { length: 60, nullable: true })
  resolvedById!: string | null;

  @Column('varchar', { length: 200, nullable: true })
  resolvedByName!: string | null;

  @Column('varchar', { length: 32, nullable: true })
  resolvedAt!: string | null;
}
