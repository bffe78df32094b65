import type { StageKind, StageStatus } from '@olympiad/contracts';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { OlympiadEntity } from '../olympiads/olympiad.entity';
import { RegionEntity } from '../regions/region.entity';

/** A regional stage (one oblast or city) or the republic stage of an olympiad. */
@Entity('stage')
export class StageEntity {
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  @Column('varchar', { length: 36 })
  olympiadId!: string;

  @ManyToOne(() => OlympiadEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'olympiadId' })
  olympiad?: OlympiadEntity;

  @Column('varchar', { length: 10 })
  kind!: StageKind;

  @Column('varchar', { length: 40, nullable: true })
  regionCode!: string | null;

  @ManyToOne(() => RegionEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'regionCode' })
  region?: RegionEntity | null;

  @Column('varchar', { length: 200 })
  name!: string;

  @Column('varchar', { length: 300, default: '' })
  venue!: string;

  @Column('varchar', { length: 10 })
  startsOn!: string;

  @Column('varchar', { length: 10 })
  endsOn!: string;

  /** What judges type on the tablet next to their PIN. Stored upper-case. */
  @Index({ unique: true })
  @Column('varchar', { length: 32 })
  code!: string;

  @Column('varchar', { length: 10, default: 'draft' })
  status!: StageStatus;
}
