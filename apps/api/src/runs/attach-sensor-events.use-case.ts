import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AttachSensorEvents, RunState } from '@olympiad/contracts';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor';
import { ApiError, conflict, unknownReference } from '../common/api-error';
import { SensorEventsQuery } from '../sensors/sensor-events.query';
import { SensorEventsStore } from '../sensors/sensor-events.store';
import { FieldRunEntity, newFieldRun } from './field-run.entity';
import { FieldRunQueue } from './field-run-queue';
import { RecordProvisionalAttempt } from './record-provisional-attempt';
import { durationMs, toRunState } from './run-state';
import { nextArmedSeq } from './run-statements';
import { RunTargetQuery } from './run-target.query';

/**
 * A judge pairs a start and a finish that arrived while nothing was armed: a finished run with
 * its provisional attempt, as if the judge had armed it in time.
 */
@Injectable()
export class AttachSensorEventsUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queue: FieldRunQueue,
    private readonly targets: RunTargetQuery,
    private readonly recordAttempt: RecordProvisionalAttempt,
    private readonly sensorEvents: SensorEventsQuery,
    private readonly sensorEventsStore: SensorEventsStore,
  ) {}

  async execute(fieldId: string, input: AttachSensorEvents, actor: Actor): Promise<RunState> {
    const { field } = await this.targets.check(fieldId, input, actor);
    const run = await this.queue.run(fieldId, async () => {
      const start = await this.sensorEvents.eventOnField(input.startEventId, fieldId);
      const finish = await this.sensorEvents.eventOnField(input.finishEventId, fieldId);
      if (!start || !finish)
        throw unknownReference('startEventId', 'sensor event on this field', input.startEventId);
      if (start.runId || finish.runId)
        throw conflict('runs.eventTaken', 'One of these events already belongs to a run');
      if (start.gate !== 'start' || finish.gate !== 'finish') {
        throw new ApiError(
          HttpStatus.BAD_REQUEST,
          'runs.wrongGates',
          'Pick a start-gate event and then a finish-gate event',
        );
      }
      if (
        start.deviceId !== finish.deviceId ||
        start.boot !== finish.boot ||
        finish.seq <= start.seq
      ) {
        throw new ApiError(
          HttpStatus.BAD_REQUEST,
          'runs.notAPair',
          'These events are not a start and a later finish of one device boot',
        );
      }
      const stored = await this.dataSource.getRepository(FieldRunEntity).save(
        newFieldRun(
          field.id,
          input,
          actor.id,
          await nextArmedSeq(this.dataSource.manager, field.id),
          {
            state: 'finished',
            startEventId: start.id,
            finishEventId: finish.id,
            startedAt: start.receivedAt,
            durationMs: durationMs(start.deviceTimeUs, finish.deviceTimeUs),
            timingBoundMs: 0,
          },
        ),
      );
      await this.sensorEventsStore.claimForRun([start.id, finish.id], stored.id);
      return stored;
    });
    await this.recordAttempt.execute(run, actor);
    return toRunState(fieldId, run);
  }
}
