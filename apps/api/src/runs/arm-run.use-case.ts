import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ArmRun, RunState } from '@olympiad/contracts';
import { DataSource, In } from 'typeorm';
import type { Actor } from '../auth/actor';
import { conflict } from '../common/api-error';
import { SensorEventsStore } from '../sensors/sensor-events.store';
import { FieldRunEntity, newFieldRun } from './field-run.entity';
import { FieldRunQueue } from './field-run-queue';
import { RunAnnouncer } from './run-announcer';
import { asActive, nextRunStep } from './run-state';
import { latestRunOf, nextArmedSeq } from './run-statements';
import { RunTargetQuery } from './run-target.query';

const ACTIVE: FieldRunEntity['state'][] = ['armed', 'running'];

/** A judge arms "team, attempt" on a field, or cancels the armed run (or frees a finished one). */
@Injectable()
export class ArmRunUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queue: FieldRunQueue,
    private readonly targets: RunTargetQuery,
    private readonly announcer: RunAnnouncer,
    private readonly sensorEvents: SensorEventsStore,
  ) {}

  async arm(fieldId: string, input: ArmRun, actor: Actor): Promise<RunState> {
    const { field } = await this.targets.check(fieldId, input, actor);
    return this.queue.run(fieldId, async () => {
      const runs = this.dataSource.getRepository(FieldRunEntity);
      const active = await this.activeRun(fieldId);
      const step = nextRunStep(active && asActive(active, null), { kind: 'arm' });
      if (step.kind === 'refuse') {
        throw conflict(
          step.reason,
          'A run is in progress on this field; wait for the finish or cancel it',
        );
      }
      if (active && step.kind === 'arm' && step.replaces)
        await runs.update({ id: active.id }, { state: 'cancelled' });
      const seq = await nextArmedSeq(this.dataSource.manager, fieldId);
      const run = await runs.save(newFieldRun(field.id, input, actor.id, seq));
      return this.announcer.announce(run);
    });
  }

  async cancel(fieldId: string, actor: Actor): Promise<RunState> {
    await this.targets.fieldOf(fieldId, actor);
    return this.queue.run(fieldId, async () => {
      const runs = this.dataSource.getRepository(FieldRunEntity);
      const active = await this.activeRun(fieldId);
      const latest = active ? null : await latestRunOf(this.dataSource.manager, fieldId);
      const step = nextRunStep(active && asActive(active, null), {
        kind: 'cancel',
        latest: latest?.state ?? null,
      });
      if (active && step.kind === 'cancel') {
        await runs.update({ id: active.id }, { state: 'cancelled' });
        // Events this run had claimed go back to the unassigned list.
        await this.sensorEvents.releaseFromRun(active.id);
      } else if (latest && step.kind === 'release') {
        // The judge frees the field after confirming: stored, so a screen that joins later sees
        // the idle field the screens in the room are told about, not the gate time again.
        await runs.update({ id: latest.id }, { state: 'released' });
      }
      const idle: RunState = { fieldId, state: 'idle' };
      this.announcer.emit(idle);
      return idle;
    });
  }

  private activeRun(fieldId: string): Promise<FieldRunEntity | null> {
    return this.dataSource.getRepository(FieldRunEntity).findOne({
      where: { fieldId, state: In(ACTIVE) },
      order: { armedSeq: 'DESC', armedAt: 'DESC' },
    });
  }
}
