import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Oblasts and cities of republican significance; filled by the initial migration. */
@Entity('region')
export class RegionEntity {
  @PrimaryColumn('varchar', { length: 40 })
  code!: string;

  @Column('varchar', { length: 10 })
  kind!: 'oblast' | 'city';

  @Column('varchar', { length: 100 })
  nameKk!: string;

  @Column('varchar', { length: 100 })
  nameRu!: string;

  @Column('varchar', { length: 100 })
  nameEn!: string;

  @Column('varchar', { length: 100 })
  centre!: string;
}
