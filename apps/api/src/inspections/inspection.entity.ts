import type { InspectionFailureView } from '@olympiad/contracts';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One technical inspection of a team's robot (docs/rules.md#technical-inspection). Append-only: a
 * re-inspection is a new row and the team's latest counts; the database refuses changes and
 * deletions (migration Inspections1733950000000).
 */
@Entity('inspection')
@Index(['categoryId', 'teamId', 'inspectedAt'])
export class InspectionEntity {
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  @Column('varchar', { length: 36 })
  stageId!: string;

  @Column('varchar', { length: 36 })
  categoryId!: string;

  @Column('varchar', { length: 36 })
  teamId!: string;

  @Column('integer', { nullable: true })
  massG!: number | null;

  @Column('integer', { nullable: true })
  widthMm!: number | null;

  @Column('integer', { nullable: true })
  lengthMm!: number | null;

  @Column('boolean')
  passed!: boolean;

  /** The limits exceeded, as computed from the rule set in force when inspected. */
  @Column('simple-json')
  failures!: InspectionFailureView[];

  @Column('varchar', { length: 500, nullable: true })
  failReason!: string | null;

  @Column('varchar', { length: 1000 })
  notes!: string;

  @Column('varchar', { length: 60 })
  inspectedById!: string;

  @Column('varchar', { length: 200 })
  inspectedByName!: string;

  @Column('varchar', { length: 32 })
  inspectedAt!: string;
}
