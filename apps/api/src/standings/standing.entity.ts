import type {
  StandingRow,
  StandingStatus,
  TimePrecision,
  UnconfirmedResult,
} from '@olympiad/scoring';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The live standings projection of a category: derived from the ledger, rebuildable at any time. */
@Entity('standing')
export class StandingEntity {
  @PrimaryColumn('varchar', { length: 36 })
  categoryId!: string;

  @PrimaryColumn('varchar', { length: 36 })
  teamId!: string;

  @Column('integer', { nullable: true })
  place!: number | null;

  @Column('varchar', { length: 20 })
  status!: StandingStatus;

  @Column('integer', { nullable: true, name: 'primaryValue' })
  primary!: number | null;

  @Column('varchar', { length: 100 })
  display!: string;

  /** The precision of the time in `display` ('ms' | 'cs'), when the result is a time. */
  @Column('varchar', { length: 2, nullable: true })
  timePrecision!: TimePrecision | null;

  @Column('simple-json')
  detail!: Record<string, unknown>;

  /** The place can still change (a sumo team still in the tournament). */
  @Column('boolean', { default: false })
  provisional!: boolean;

  /** The result a sensor's entries awaiting the judge would give (never ranked), or null. */
  @Column('simple-json', { nullable: true })
  unconfirmed!: UnconfirmedResult | null;

  /** Double entry: an attempt of the team awaits its second entry or the head judge, or null. */
  @Column('varchar', { length: 20, nullable: true })
  review!: StandingRow['review'] | null;

  /** Position in the category's order (ranked rows first, then the rest). */
  @Column('integer')
  position!: number;
}
