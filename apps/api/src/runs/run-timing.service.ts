import { HttpStatus, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  ArmRun,
  AttachSensorEvents,
  RunState,
  UnassignedSensorEvent,
} from '@olympiad/contracts';
import { randomUUID } from 'node:crypto';
import { provisionalMazeAttempt } from '@olympiad/scoring';
import { DataSource, EntityManager, In, IsNull, MoreThan, MoreThanOrEqual } from 'typeorm';
import type { Actor } from '../auth/actor';
import { assertStageAccess } from '../auth/stage-access';
import { CategoryEntity } from '../categories/category.entity';
import { ApiError, conflict, forbidden, notFound, unknownReference } from '../common/api-error';
import { KeyedQueue } from '../common/keyed-queue';
import { DeviceHealthService } from '../devices/device-health.service';
import { FieldEntity } from '../fields/field.entity';
import { JudgeAssignmentEntity } from '../judges/judge-assignment.entity';
import { RecordEntryUseCase } from '../ledger/record-entry.use-case';
import { LiveService } from '../live/live.service';
import { SensorEventEntity } from '../sensors/sensor-event.entity';
import { insertNewSensorEvents } from '../sensors/sensor-event-rows';
import { activeRunOf, mazeTimeLimitOf, storeRunProgress, type StartGate } from './run-statements';
import { TeamEntity } from '../teams/team.entity';
import { FieldRunEntity } from './field-run.entity';
import { type ActiveRun, durationMs, nextRunStep, toRunState } from './run-state';

const ACTIVE: FieldRunEntity['state'][] = ['armed', 'running'];

/**
 * Maze run timing (docs/architecture.md, *The flow of a sensor event*): a judge arms "team, attempt" on a field; the next start gate of
 * the field's device starts the run and the finish gate of the same boot stops it. The duration is
 * the difference of the two device timestamps, so network delay cannot change it. A finish that
 * overtakes its start on the network waits for it. The finish records a provisional sensor-timed
 * attempt in the ledger, which the judge confirms, corrects (touches) or voids.
 */
@Injectable()
export class RunTimingService implements OnModuleInit {
  private readonly logger = new Logger('RunTiming');
  private readonly fieldQueue = new KeyedQueue();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly recordEntry: RecordEntryUseCase,
    private readonly live: LiveService,
    private readonly health: DeviceHealthService,
  ) {}

  onModuleInit(): void {
    this.live.provideFieldSnapshot(async (fieldId) => ({
      run: await this.current(fieldId),
      devices: await this.health.statusOfField(fieldId),
      unassigned: await this.unassigned(fieldId),
    }));
  }

  async current(fieldId: string): Promise<RunState> {
    return toRunState(fieldId, await this.latestRun(fieldId));
  }

  async arm(fieldId: string, input: ArmRun, actor: Actor): Promise<RunState> {
    const { field } = await this.checkRunTarget(fieldId, input, actor);
    return this.fieldQueue.run(fieldId, async () => {
      const runs = this.dataSource.getRepository(FieldRunEntity);
      const active = await runs.findOne({
        where: { fieldId, state: In(ACTIVE) },
        order: { armedAt: 'DESC' },
      });
      const step = nextRunStep(active && asActive(active, null), { kind: 'arm' });
      if (step.kind === 'refuse') {
        throw conflict(
          step.reason,
          'A run is in progress on this field; wait for the finish or cancel it',
        );
      }
      if (active && step.kind === 'arm' && step.replaces)
        await runs.update({ id: active.id }, { state: 'cancelled' });
      const run = await runs.save(
        Object.assign(new FieldRunEntity(), {
          id: randomUUID(),
          fieldId: field.id,
          categoryId: input.categoryId,
          teamId: input.teamId,
          attempt: input.attempt,
          state: 'armed',
          armedBy: actor.id,
          armedAt: new Date().toISOString(),
          startEventId: null,
          finishEventId: null,
          startedAt: null,
          durationMs: null,
          entryId: null,
          reason: null,
        }),
      );
      return this.announce(run);
    });
  }

  async cancel(fieldId: string, actor: Actor): Promise<RunState> {
    await this.fieldOf(fieldId, actor);
    return this.fieldQueue.run(fieldId, async () => {
      const runs = this.dataSource.getRepository(FieldRunEntity);
      const active = await runs.findOne({
        where: { fieldId, state: In(ACTIVE) },
        order: { armedAt: 'DESC' },
      });
      const latest = active ? null : await this.latestRun(fieldId);
      const step = nextRunStep(active && asActive(active, null), {
        kind: 'cancel',
        latest: latest?.state ?? null,
      });
      if (active && step.kind === 'cancel') {
        await runs.update({ id: active.id }, { state: 'cancelled' });
        // Events this run had claimed go back to the unassigned list.
        await this.dataSource
          .getRepository(SensorEventEntity)
          .update({ runId: active.id }, { runId: null });
      } else if (latest && step.kind === 'release') {
        // The judge frees the field after confirming: stored, so a screen that joins later sees
        // the idle field the screens in the room are told about, not the gate time again.
        await runs.update({ id: latest.id }, { state: 'released' });
      }
      const idle: RunState = { fieldId, state: 'idle' };
      this.emit(idle);
      return idle;
    });
  }

  /**
   * A gate event from ingestion, not stored yet. A start or finish that moves the field's run is
   * stored in the same transaction as the run (and a finish with its provisional attempt), so the
   * finish reaches the screens after one disk sync; any other gate goes to `storeAlone` (the group
   * commit). Resolves with the stored row, or null when (device, boot, seq) was already stored.
   */
  async onGate(
    event: SensorEventEntity,
    stageId: string | null,
    storeAlone: () => Promise<SensorEventEntity | null>,
  ): Promise<SensorEventEntity | null> {
    const fieldId = event.fieldId;
    // Checkpoint gates are kept in the event log; the judge scores checkpoints on the tablet.
    if (!fieldId || (event.gate !== 'start' && event.gate !== 'finish')) return storeAlone();
    return this.fieldQueue.run(fieldId, () => this.advance(fieldId, event, stageId, storeAlone));
  }

  /**
   * The device came back with another boot id: a run started in an earlier boot can no longer be
   * timed by it. A run its new boot started (the status can arrive after that start) runs on.
   */
  async onReboot(deviceId: string, fieldId: string | null, boot: string): Promise<void> {
    if (!fieldId) return;
    await this.fieldQueue.run(fieldId, async () => {
      const active = await activeRunOf(this.dataSource.manager, fieldId);
      if (
        !active ||
        nextRunStep(asActive(active.run, active.start), { kind: 'boot', deviceId, boot }).kind !==
          'needs-manual-timing'
      )
        return;
      const run = Object.assign(active.run, {
        state: 'needs-manual-timing',
        reason: 'device-rebooted',
      });
      await storeRunProgress(this.dataSource.manager, run);
      this.announce(run);
    });
  }

  async unassigned(fieldId: string): Promise<UnassignedSensorEvent[]> {
    const since = new Date(Date.now() - 4 * 3600_000).toISOString();
    const events = await this.dataSource.getRepository(SensorEventEntity).find({
      where: { fieldId, type: 'gate', runId: IsNull(), receivedAt: MoreThanOrEqual(since) },
      order: { receivedAt: 'DESC' },
      take: 50,
    });
    return events.map(toUnassigned);
  }

  /** A judge pairs a start and a finish that arrived while nothing was armed. */
  async attach(fieldId: string, input: AttachSensorEvents, actor: Actor): Promise<RunState> {
    const { field } = await this.checkRunTarget(fieldId, input, actor);
    const run = await this.fieldQueue.run(fieldId, async () => {
      const events = this.dataSource.getRepository(SensorEventEntity);
      const start = await events.findOneBy({ id: input.startEventId, fieldId });
      const finish = await events.findOneBy({ id: input.finishEventId, fieldId });
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
        Object.assign(new FieldRunEntity(), {
          id: randomUUID(),
          fieldId: field.id,
          categoryId: input.categoryId,
          teamId: input.teamId,
          attempt: input.attempt,
          state: 'finished',
          armedBy: actor.id,
          armedAt: new Date().toISOString(),
          startEventId: start.id,
          finishEventId: finish.id,
          startedAt: start.receivedAt,
          durationMs: durationMs(start.deviceTimeUs, finish.deviceTimeUs),
          entryId: null,
          reason: null,
        }),
      );
      await events.update({ id: In([start.id, finish.id]) }, { runId: stored.id });
      return stored;
    });
    await this.recordAttempt(run, actor);
    return toRunState(fieldId, run);
  }

  /** One new start or finish gate event against the field's active run. */
  private async advance(
    fieldId: string,
    event: SensorEventEntity,
    stageId: string | null,
    storeAlone: () => Promise<SensorEventEntity | null>,
  ): Promise<SensorEventEntity | null> {
    const active = await activeRunOf(this.dataSource.manager, fieldId);
    const gate = event.gate === 'start' ? 'start' : 'finish';
    const step = nextRunStep(active && asActive(active.run, active.start), {
      kind: 'gate',
      gate,
      deviceId: event.deviceId,
      boot: event.boot,
      seq: event.seq,
    });
    if (active && step.kind === 'start') return this.start(active.run, event, stageId);
    if (active?.start && step.kind === 'finish')
      return (await this.finish(active.run, active.start, event, stageId, 'new')) ? event : null;
    if (active && step.kind === 'needs-manual-timing') {
      if (!(await storeAlone())) return null;
      Object.assign(active.run, { state: 'needs-manual-timing', reason: step.reason });
      await storeRunProgress(this.dataSource.manager, active.run);
      this.announce(active.run);
      return event;
    }
    const stored = await storeAlone();
    if (stored) this.live.toFieldStaff(fieldId)?.emit('sensor:unassigned', toUnassigned(stored));
    return stored;
  }

  /** The armed run starts: the start event and the run's new state are stored together. */
  private async start(
    run: FieldRunEntity,
    event: SensorEventEntity,
    stageId: string | null,
  ): Promise<SensorEventEntity | null> {
    const running: FieldRunEntity = Object.assign(new FieldRunEntity(), run, {
      state: 'running',
      startEventId: event.id,
      startedAt: event.receivedAt,
    });
    const stored = await this.dataSource.transaction(async (manager) => {
      if (
        !(await insertNewSensorEvents(manager, [
          Object.assign(new SensorEventEntity(), event, { runId: run.id }),
        ]))
      )
        return false;
      await storeRunProgress(manager, running);
      return true;
    });
    if (!stored) return null;
    event.runId = run.id;
    Object.assign(run, running);
    // Screens see the run start even when its finish arrived in the same breath.
    this.announce(run);
    // A finish of the same boot that overtook this start on the network finishes the run now.
    const earlyFinish = await this.dataSource.getRepository(SensorEventEntity).findOne({
      where: {
        deviceId: event.deviceId,
        boot: event.boot,
        gate: 'finish',
        runId: IsNull(),
        seq: MoreThan(event.seq),
        receivedAt: MoreThanOrEqual(run.armedAt),
      },
      order: { seq: 'ASC' },
    });
    if (earlyFinish) await this.finish(run, event, earlyFinish, stageId, 'stored');
    return event;
  }

  /**
   * The run is finished, its finish event stored (or claimed, if it arrived before the start) and
   * its provisional attempt recorded, all in one transaction. If the ledger refuses the attempt
   * (the category was locked meanwhile), the run is still stored as finished and the judge records
   * the attempt from the tablet. Returns false when the finish event was a duplicate (nothing changed).
   */
  private async finish(
    run: FieldRunEntity,
    start: StartGate,
    finish: SensorEventEntity,
    stageId: string | null,
    finishEvent: 'new' | 'stored',
  ): Promise<boolean> {
    const finished: FieldRunEntity = Object.assign(new FieldRunEntity(), run, {
      state: 'finished',
      finishEventId: finish.id,
      durationMs: durationMs(start.deviceTimeUs, finish.deviceTimeUs),
      entryId: randomUUID(),
    });
    const storeFinish = async (manager: EntityManager) => {
      if (finishEvent === 'stored')
        await manager.update(SensorEventEntity, { id: finish.id }, { runId: run.id });
      else if (
        !(await insertNewSensorEvents(manager, [
          Object.assign(new SensorEventEntity(), finish, { runId: run.id }),
        ]))
      )
        throw new DuplicateEvent();
      await storeRunProgress(manager, finished);
    };
    const device: Actor | null = stageId
      ? {
          kind: 'device',
          id: `device:${finish.deviceId}`,
          name: finish.deviceId,
          role: 'device',
          stageId,
        }
      : null;
    try {
      const recorded = device ? await this.recordAttempt(finished, device, storeFinish) : false;
      if (!recorded) {
        finished.entryId = null;
        await this.dataSource.transaction(storeFinish);
      }
    } catch (error) {
      if (error instanceof DuplicateEvent) return false;
      throw error;
    }
    finish.runId = run.id;
    Object.assign(run, finished);
    this.announce(run);
    return true;
  }

  /**
   * The provisional attempt: finished in the device's time, or not finished when over the time
   * limit. Returns false when it could not be recorded (nothing of `alongside` is written then).
   */
  private async recordAttempt(
    run: FieldRunEntity,
    actor: Actor,
    alongside?: (manager: EntityManager) => Promise<void>,
  ): Promise<boolean> {
    const limit = await mazeTimeLimitOf(this.dataSource.manager, run.categoryId);
    if (limit === null) return false;
    const entryId = run.entryId ?? randomUUID();
    try {
      await this.recordEntry.execute(
        {
          id: entryId,
          categoryId: run.categoryId,
          teamId: run.teamId,
          kind: 'maze.attempt',
          payload: provisionalMazeAttempt(run.attempt, run.durationMs ?? 0, limit),
          supersedes: null,
          reason: null,
          recordedAt: new Date().toISOString(),
          deviceId: actor.kind === 'device' ? actor.name : null,
        },
        actor,
        alongside,
      );
      if (!run.entryId) {
        await this.dataSource.getRepository(FieldRunEntity).update({ id: run.id }, { entryId });
        run.entryId = entryId;
        this.announce(run);
      }
      return true;
    } catch (error) {
      if (error instanceof DuplicateEvent) throw error;
      // The run and its events stay stored: the judge records the attempt by hand from the tablet.
      this.logger.warn(
        `Run ${run.id}: the attempt was not recorded (${error instanceof Error ? error.message : error})`,
      );
      return false;
    }
  }

  private async checkRunTarget(fieldId: string, input: ArmRun, actor: Actor) {
    const field = await this.fieldOf(fieldId, actor);
    const category = await this.dataSource
      .getRepository(CategoryEntity)
      .findOneBy({ id: input.categoryId });
    if (!category || category.stageId !== field.stageId)
      throw unknownReference('categoryId', 'category in this stage', input.categoryId);
    if (category.discipline !== 'maze') {
      throw new ApiError(
        HttpStatus.BAD_REQUEST,
        'runs.notMaze',
        'Timed runs are for maze categories',
      );
    }
    if (
      !(await this.dataSource
        .getRepository(TeamEntity)
        .existsBy({ id: input.teamId, categoryId: category.id }))
    ) {
      throw unknownReference('teamId', 'team in this category', input.teamId);
    }
    if (actor.role === 'judge') {
      const assigned = await this.dataSource.getRepository(JudgeAssignmentEntity).exists({
        where: [
          { judgeId: actor.id, fieldId },
          { judgeId: actor.id, categoryId: category.id },
        ],
      });
      if (!assigned) throw forbidden('You are not assigned to this field or category');
    }
    return { field, category };
  }

  private async fieldOf(fieldId: string, actor: Actor): Promise<FieldEntity> {
    const field = await this.dataSource.getRepository(FieldEntity).findOneBy({ id: fieldId });
    if (!field) throw notFound('Field', fieldId);
    assertStageAccess(actor, field.stageId);
    return field;
  }

  private latestRun(fieldId: string): Promise<FieldRunEntity | null> {
    return this.dataSource
      .getRepository(FieldRunEntity)
      .findOne({ where: { fieldId }, order: { armedAt: 'DESC' } });
  }

  private announce(run: FieldRunEntity): RunState {
    const state = toRunState(run.fieldId, run);
    this.emit(state);
    return state;
  }

  private emit(state: RunState): void {
    this.live.toFieldStaff(state.fieldId)?.emit('run:state', state);
    void this.live
      .publicRunChanged(
        // A run waiting for manual timing shows nothing running to the hall.
        state.state === 'idle' || state.state === 'needs-manual-timing'
          ? { fieldId: state.fieldId, state: 'idle' }
          : {
              fieldId: state.fieldId,
              state: state.state,
              categoryId: state.categoryId,
              teamId: state.teamId,
              attempt: state.attempt,
              startedAt: 'startedAt' in state ? state.startedAt : undefined,
              durationMs: state.state === 'finished' ? state.durationMs : undefined,
            },
      )
      .catch((error: Error) => this.logger.warn(`Public run update failed: ${error.message}`));
  }
}

/** The state machine's view of an armed or running run (found among the field's active runs). */
function asActive(run: FieldRunEntity, start: ActiveRun['start']): ActiveRun {
  return { state: run.state === 'running' ? 'running' : 'armed', start };
}

/** The finish event's (device, boot, seq) was already stored: the whole finish is rolled back. */
class DuplicateEvent extends Error {}

function toUnassigned(event: SensorEventEntity): UnassignedSensorEvent {
  return {
    id: event.id,
    fieldId: event.fieldId,
    deviceId: event.deviceId,
    gate: event.gate ?? event.type,
    deviceTimeUs: event.deviceTimeUs,
    boot: event.boot,
    receivedAt: event.receivedAt,
  };
}
