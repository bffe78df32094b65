import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A sumo match called to a ring (docs/rules.md#schedules). One row per match, written under the
 * category's write lock, so two rings (on any replicas) never hold the same match; a row stays
 * once the match is played, recording the ring it was played on.
 */
@Entity('ring_match_claim')
@Index(['fieldId'])
export class RingMatchClaimEntity {
  @PrimaryColumn('varchar', { length: 36 })
  categoryId!: string;

  @PrimaryColumn('varchar', { length: 20 })
  matchId!: string;

  @Column('varchar', { length: 36 })
  fieldId!: string;

  @Column('varchar', { length: 32 })
  claimedAt!: string;
}
