import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * On the republic server: which venue owns a regional stage (docs/federation.md). A row with a
 * public key makes the stage that venue's: only batches signed with that key change it, and the
 * republic's own users see it read-only. A row with only a code hash waits for a venue to claim it.
 */
@Entity('venue_link')
export class VenueLinkEntity {
  @PrimaryColumn('varchar', { length: 36 })
  stageId!: string;

  /** The venue's Ed25519 public key (base64url of the 32 raw bytes), once claimed. */
  @Column('varchar', { length: 64, nullable: true })
  publicKey!: string | null;

  /** SHA-256 of the one-time link code's secret; cleared when a venue claims it. */
  @Column('varchar', { length: 64, nullable: true })
  codeHash!: string | null;

  @Column('varchar', { length: 32, nullable: true })
  codeExpiresAt!: string | null;

  /**
   * SHA-256 of the secret the current key claimed with: the same venue repeating its claim (its
   * answer was lost, or its own set-up failed after claiming) is answered again, not refused.
   */
  @Column('varchar', { length: 64, nullable: true })
  claimedCodeHash!: string | null;

  @Column('varchar', { length: 32, nullable: true })
  linkedAt!: string | null;

  /** Any signed batch, heartbeat included. */
  @Column('varchar', { length: 32, nullable: true })
  lastContactAt!: string | null;

  /** The last time data from the venue was applied: "results as of". */
  @Column('varchar', { length: 32, nullable: true })
  lastDataAt!: string | null;

  /** The venue's snapshot number last applied; an older snapshot changes nothing. */
  @Column('integer', { default: 0 })
  snapshotNo!: number;

  /** Items the venue said were still waiting when it last made contact. */
  @Column('integer', { default: 0 })
  venuePending!: number;

  /** How the last data came: `online` or `bundle`. */
  @Column('varchar', { length: 10, nullable: true })
  lastVia!: string | null;
}
