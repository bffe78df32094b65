import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One team entered into the republic stage from a regional stage, with why (kept for the record). */
@Entity('qualification_entry')
@Index(['sourceTeamId', 'targetStageId'], { unique: true })
@Index(['targetStageId'])
export class QualificationEntryEntity {
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  @Column('varchar', { length: 36 })
  sourceStageId!: string;

  @Column('varchar', { length: 36 })
  sourceTeamId!: string;

  @Column('varchar', { length: 36 })
  targetStageId!: string;

  @Column('varchar', { length: 36 })
  targetTeamId!: string;

  /** top-n, top-percent or wildcard (QualificationReason of libs/scoring). */
  @Column('varchar', { length: 20 })
  reason!: string;

  /** The rules' explanation, or the organiser's reason for a wildcard. */
  @Column('varchar', { length: 500 })
  note!: string;

  @Column('varchar', { length: 60 })
  enteredBy!: string;

  @Column('varchar', { length: 32 })
  enteredAt!: string;
}
