import type { CategoryStatus } from '@olympiad/contracts';
import type { Discipline, RuleSet } from '@olympiad/scoring';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { StageEntity } from '../stages/stage.entity';

/** A discipline × age group within a stage, with the rule set in force stored alongside. */
@Entity('category')
@Index(['stageId'])
export class CategoryEntity {
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  @Column('varchar', { length: 36 })
  stageId!: string;

  @ManyToOne(() => StageEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'stageId' })
  stage?: StageEntity;

  @Column('varchar', { length: 20 })
  discipline!: Discipline;

  @Column('varchar', { length: 200 })
  name!: string;

  @Column('varchar', { length: 40 })
  ageGroupLabel!: string;

  @Column('integer')
  minGrade!: number;

  @Column('integer')
  maxGrade!: number;

  @Column('varchar', { length: 60 })
  preset!: string;

  /** The complete rule set in force; results are always computed from this, never from the preset. */
  @Column('simple-json')
  ruleSet!: RuleSet;

  @Column('varchar', { length: 10, default: 'setup' })
  status!: CategoryStatus;

  @Column('boolean', { default: false })
  published!: boolean;

  /** When the category was last locked; null while it is open. Travels to the republic server. */
  @Column('varchar', { length: 32, nullable: true })
  lockedAt!: string | null;

  /** When its results were last published; null while under embargo. */
  @Column('varchar', { length: 32, nullable: true })
  publishedAt!: string | null;

  /**
   * The rule set as the republic's template gave it, for a category pulled from the republic
   * server (docs/federation.md); a `ruleSet` that differs from it is a deviation. Null otherwise.
   */
  @Column('simple-json', { nullable: true })
  templateRuleSet!: RuleSet | null;

  /** Version of the standings projection; +1 on every change, carried by live deltas. */
  @Column('integer', { default: 0 })
  standingsVersion!: number;
}
