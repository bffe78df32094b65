import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Small server-wide values that must survive restarts and be shared by replicas (e.g. the setup token hash). */
@Entity('app_setting')
export class AppSettingEntity {
  @PrimaryColumn('varchar', { length: 60 })
  key!: string;

  @Column('text')
  value!: string;
}
