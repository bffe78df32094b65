import type { TeamStatus } from '@olympiad/scoring';
import { Column, Entity, Index, JoinColumn, ManyToOne, OneToMany, PrimaryColumn } from 'typeorm';
import { CategoryEntity } from '../categories/category.entity';
import { SchoolEntity } from '../schools/school.entity';
import { StageEntity } from '../stages/stage.entity';
import { TeamMemberEntity } from './team-member.entity';

@Entity('team')
@Index(['categoryId'])
@Index(['stageId'])
export class TeamEntity {
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  @Column('varchar', { length: 36 })
  stageId!: string;

  @ManyToOne(() => StageEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'stageId' })
  stage?: StageEntity;

  @Column('varchar', { length: 36 })
  categoryId!: string;

  @ManyToOne(() => CategoryEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'categoryId' })
  category?: CategoryEntity;

  @Column('varchar', { length: 36 })
  schoolId!: string;

  @ManyToOne(() => SchoolEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'schoolId' })
  school?: SchoolEntity;

  @Column('varchar', { length: 200 })
  name!: string;

  @Column('varchar', { length: 200, default: '' })
  coach!: string;

  @Column('varchar', { length: 20, default: 'active' })
  status!: TeamStatus;

  /** When the team reported at the venue on the day (ISO), or null while it has not. */
  @Column('varchar', { length: 32, nullable: true })
  checkedInAt!: string | null;

  @OneToMany(() => TeamMemberEntity, (member) => member.team, { cascade: ['insert'] })
  members?: TeamMemberEntity[];
}
