import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One season of the olympiad: its regional stages and the republic stage. */
@Entity('olympiad')
export class OlympiadEntity {
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  @Column('varchar', { length: 200 })
  name!: string;

  @Column('varchar', { length: 20 })
  season!: string;

  @Column('varchar', { length: 32 })
  createdAt!: string;
}
