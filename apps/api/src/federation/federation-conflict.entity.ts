import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * On the republic server: an item a venue sent that could not be applied without overwriting or
 * misplacing something (docs/federation.md, "No overwrite"). Kept as it arrived, for both
 * organisers to see; never applied.
 */
@Entity('federation_conflict')
@Index(['stageId'])
@Index(['itemId', 'arrivingHash'], { unique: true })
export class FederationConflictEntity {
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  @Column('varchar', { length: 36 })
  stageId!: string;

  /** `ledger`, `category`, `team`, `school`, `judge`. */
  @Column('varchar', { length: 20 })
  itemKind!: string;

  @Column('varchar', { length: 60 })
  itemId!: string;

  /** `different-content`, `other-stage` or `unknown-reference`. */
  @Column('varchar', { length: 30 })
  reason!: string;

  /** What the republic holds under that id, as canonical JSON (null when it holds nothing). */
  @Column('text', { nullable: true })
  stored!: string | null;

  /** What arrived, as canonical JSON. */
  @Column('text')
  arriving!: string;

  /** SHA-256 of `arriving`: the same conflicting version sent again is listed once. */
  @Column('varchar', { length: 64 })
  arrivingHash!: string;

  @Column('varchar', { length: 32 })
  arrivedAt!: string;

  /** `online` or `bundle`. */
  @Column('varchar', { length: 10 })
  via!: string;
}
