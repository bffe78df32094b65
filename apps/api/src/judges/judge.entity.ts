import type { JudgeRole } from '@olympiad/contracts';
import { Column, Entity, Index, JoinColumn, ManyToOne, OneToMany, PrimaryColumn } from 'typeorm';
import { StageEntity } from '../stages/stage.entity';
import { JudgeAssignmentEntity } from './judge-assignment.entity';

@Entity('judge')
@Index(['stageId', 'pinLookup'], { unique: true })
export class JudgeEntity {
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  @Column('varchar', { length: 36 })
  stageId!: string;

  @ManyToOne(() => StageEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'stageId' })
  stage?: StageEntity;

  @Column('varchar', { length: 200 })
  name!: string;

  @Column('varchar', { length: 20 })
  role!: JudgeRole;

  /** Keyed digest of (stage, PIN) to find the judge without trying every hash; unique per stage. */
  @Column('varchar', { length: 64 })
  pinLookup!: string;

  /** scrypt hash of the PIN, checked after the lookup. */
  @Column('varchar', { length: 200 })
  pinHash!: string;

  @Column('boolean', { default: true })
  active!: boolean;

  @OneToMany(() => JudgeAssignmentEntity, (assignment) => assignment.judge, { cascade: ['insert'] })
  assignments?: JudgeAssignmentEntity[];
}
