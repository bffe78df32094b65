import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { CategoryEntity } from '../categories/category.entity';
import { FieldEntity } from '../fields/field.entity';
import { JudgeEntity } from './judge.entity';

/** One category or one field a judge works on. */
@Entity('judge_assignment')
@Index(['judgeId'])
export class JudgeAssignmentEntity {
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  @Column('varchar', { length: 36 })
  judgeId!: string;

  @ManyToOne(() => JudgeEntity, (judge) => judge.assignments, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'judgeId' })
  judge?: JudgeEntity;

  @Column('varchar', { length: 36, nullable: true })
  categoryId!: string | null;

  @ManyToOne(() => CategoryEntity, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'categoryId' })
  category?: CategoryEntity | null;

  @Column('varchar', { length: 36, nullable: true })
  fieldId!: string | null;

  @ManyToOne(() => FieldEntity, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'fieldId' })
  field?: FieldEntity | null;
}
