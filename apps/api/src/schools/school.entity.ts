import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { RegionEntity } from '../regions/region.entity';

@Entity('school')
export class SchoolEntity {
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  @Column('varchar', { length: 200 })
  name!: string;

  @Column('varchar', { length: 40 })
  regionCode!: string;

  @ManyToOne(() => RegionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'regionCode' })
  region?: RegionEntity;

  @Column('varchar', { length: 200, default: '' })
  town!: string;
}
