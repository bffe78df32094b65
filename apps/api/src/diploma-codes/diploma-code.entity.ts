import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One printed diploma or certificate and its check code (docs/diplomas.md). It keeps what the
 * page printed, so the public check shows that even after the team or the results change. A
 * reprint with the same content keeps the code; a reprint after a correction gets a new row, and
 * the old row points to it.
 */
@Entity('diploma_code')
@Index(['categoryId', 'teamId', 'recipient'])
export class DiplomaCodeEntity {
  /** Crockford base32 without dashes (diploma-code.ts). */
  @PrimaryColumn('varchar', { length: 16 })
  code!: string;

  @Column('varchar', { length: 36 })
  stageId!: string;

  @Column('varchar', { length: 36 })
  categoryId!: string;

  @Column('varchar', { length: 36 })
  teamId!: string;

  /** The member the page is made out to (the team's name when it has no members). */
  @Column('varchar', { length: 200 })
  recipient!: string;

  /** A digest of what the page prints; a different one means the diploma changed. */
  @Column('varchar', { length: 64 })
  fingerprint!: string;

  /** What the page printed, as JSON (DiplomaContent). */
  @Column('text')
  content!: string;

  @Column('varchar', { length: 32 })
  issuedAt!: string;

  /** The code of the diploma that replaced this one after a correction. */
  @Column('varchar', { length: 16, nullable: true })
  supersededBy!: string | null;
}
