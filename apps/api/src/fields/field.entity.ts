import type { Discipline } from '@olympiad/scoring';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { StageEntity } from '../stages/stage.entity';

/** A maze table or sumo ring at a venue. */
@Entity('field')
@Index(['stageId'])
export class FieldEntity {
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  @Column('varchar', { length: 36 })
  stageId!: string;

  @ManyToOne(() => StageEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'stageId' })
  stage?: StageEntity;

  @Column('varchar', { length: 60 })
  name!: string;

  @Column('varchar', { length: 20 })
  discipline!: Discipline;
}
