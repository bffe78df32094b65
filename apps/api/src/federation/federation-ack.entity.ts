import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** On the venue: a ledger entry the republic server has acknowledged, so it is not sent again. */
@Entity('federation_ack')
@Index(['stageId'])
export class FederationAckEntity {
  @PrimaryColumn('varchar', { length: 36 })
  entryId!: string;

  @Column('varchar', { length: 36 })
  stageId!: string;

  @Column('varchar', { length: 32 })
  ackedAt!: string;
}
