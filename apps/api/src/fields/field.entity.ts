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

  /**
   * The devices of the start and finish gates (docs/sensor-contract.md#gate-layout); both null:
   * the field's device does both, as on every field stored before layouts.
   */
  @Column('varchar', { length: 40, nullable: true })
  startDeviceId!: string | null;

  @Column('varchar', { length: 40, nullable: true })
  finishDeviceId!: string | null;
}
