import { randomUUID } from 'node:crypto';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** `released`: finished (or timed by hand), then the judge freed the field: the field is idle again. */
export type FieldRunState =
  'armed' | 'running' | 'finished' | 'needs-manual-timing' | 'cancelled' | 'released';

/** A timed maze run on a field: armed by a judge, started and finished by the field's gates. */
@Entity('field_run')
@Index(['fieldId', 'state'])
export class FieldRunEntity {
  @PrimaryColumn('varchar', { length: 36 })
  id!: string;

  @Column('varchar', { length: 36 })
  fieldId!: string;

  @Column('varchar', { length: 36 })
  categoryId!: string;

  @Column('varchar', { length: 36 })
  teamId!: string;

  @Column('integer')
  attempt!: number;

  @Column('varchar', { length: 24 })
  state!: FieldRunState;

  @Column('varchar', { length: 60 })
  armedBy!: string;

  @Column('varchar', { length: 32 })
  armedAt!: string;

  /** The field's count of runs when this one was armed: orders the field's runs, whatever the wall clock did. */
  @Column('integer', { default: 0 })
  armedSeq!: number;

  @Column('varchar', { length: 36, nullable: true })
  startEventId!: string | null;

  @Column('varchar', { length: 36, nullable: true })
  finishEventId!: string | null;

  @Column('varchar', { length: 32, nullable: true })
  startedAt!: string | null;

  @Column('integer', { nullable: true })
  durationMs!: number | null;

  /** The provisional maze.attempt ledger entry the finish recorded. */
  @Column('varchar', { length: 36, nullable: true })
  entryId!: string | null;

  @Column('varchar', { length: 40, nullable: true })
  reason!: string | null;

  /**
   * How far `durationMs` can be from the truth: 0 for one device clock, the clock-offset bound
   * for gates on two devices (docs/sensor-contract.md#clock-offsets); null for runs stored before.
   */
  @Column('integer', { nullable: true })
  timingBoundMs!: number | null;
}

/**
 * A new run of "team, attempt" on a field, armed now, `armedSeq` after the field's newest run
 * (nextArmedSeq); `progress` for a run created further on.
 */
export function newFieldRun(
  fieldId: string,
  input: { categoryId: string; teamId: string; attempt: number },
  armedBy: string,
  armedSeq: number,
  progress: Partial<FieldRunEntity> = {},
): FieldRunEntity {
  return Object.assign(new FieldRunEntity(), {
    id: randomUUID(),
    fieldId,
    categoryId: input.categoryId,
    teamId: input.teamId,
    attempt: input.attempt,
    state: 'armed',
    armedBy,
    armedAt: new Date().toISOString(),
    armedSeq,
    startEventId: null,
    finishEventId: null,
    startedAt: null,
    durationMs: null,
    entryId: null,
    reason: null,
    timingBoundMs: null,
    ...progress,
  });
}
