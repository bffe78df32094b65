import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The rule a regional stage's qualifiers were chosen by, kept with the stage they were sent to: the
 * public qualifiers list says it ("top 3 per category and age group"). The latest run of the
 * organiser's qualification action for the pair sets it.
 */
@Entity('qualification_rule')
@Index(['targetStageId'])
export class QualificationRuleEntity {
  @PrimaryColumn('varchar', { length: 36 })
  targetStageId!: string;

  @PrimaryColumn('varchar', { length: 36 })
  sourceStageId!: string;

  /** libs/scoring's QualificationRule as JSON. */
  @Column('text')
  rule!: string;

  @Column('varchar', { length: 60 })
  setBy!: string;

  @Column('varchar', { length: 32 })
  setAt!: string;
}
