import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * On the venue: the stage this venue runs for the republic server, and how far the republic has
 * acknowledged it (docs/federation.md). The outbox is the ledger itself: an entry waits until its
 * id is in `federation_ack`; the rest of the stage waits until the republic has acknowledged a
 * snapshot with the same digest.
 */
@Entity('republic_link')
export class RepublicLinkEntity {
  @PrimaryColumn('varchar', { length: 36 })
  stageId!: string;

  /** Base address of the republic server; null when linked by file and sent by bundle only. */
  @Column('varchar', { length: 500, nullable: true })
  republicUrl!: string | null;

  /** The link code's secret, kept to claim the stage through a bundle when there is no link. */
  @Column('varchar', { length: 100, nullable: true })
  claimSecret!: string | null;

  /** True once the republic has recorded this venue's key for the stage. */
  @Column('boolean', { default: false })
  claimed!: boolean;

  @Column('varchar', { length: 32 })
  linkedAt!: string;

  @Column('varchar', { length: 32, nullable: true })
  lastAttemptAt!: string | null;

  @Column('varchar', { length: 32, nullable: true })
  lastAckAt!: string | null;

  @Column('varchar', { length: 500, nullable: true })
  lastError!: string | null;

  /** Counts the snapshots this venue has made, so the republic can ignore an older one. */
  @Column('integer', { default: 0 })
  snapshotNo!: number;

  @Column('varchar', { length: 64, nullable: true })
  ackedSnapshotHash!: string | null;

  /** Items of this stage the republic has kept aside as conflicts, as it last said. */
  @Column('integer', { default: 0 })
  conflicts!: number;
}
