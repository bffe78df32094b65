import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import { CategoriesQuery } from '../categories/categories.query';
import { SensorEventsQuery, type SensorEventRow } from '../sensors/sensor-events.query';
import { SensorEventsStore } from '../sensors/sensor-events.store';
import { CrossDeviceTiming, type CrossDeviceTime } from './cross-device-timing';
import { FieldRunEntity } from './field-run.entity';
import { FieldRunQueue } from './field-run-queue';
import { DuplicateEvent, RecordProvisionalAttempt } from './record-provisional-attempt';
import { RunAnnouncer } from './run-announcer';
import { asActive, durationMs, nextRunStep } from './run-state';
import { activeRunOf, storeRunProgress, type StartGate } from './run-statements';

/**
 * A field device's gate event against the field's run (docs/architecture.md, *The flow of a sensor
 * event*): the armed run's start gate starts it and the finish gate of the same boot stops it. The
 * duration is the difference of the two device timestamps, so network delay cannot change it. A
 * finish that overtakes its start on the network waits for it. The finish records a provisional
 * sensor-timed attempt in the ledger, which the judge confirms, corrects (touches) or voids. What
 * each gate does is `nextRunStep`'s decision; this use case stores it and tells the screens.
 */
@Injectable()
export class RecordGateEventUseCase {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queue: FieldRunQueue,
    private readonly recordAttempt: RecordProvisionalAttempt,
    private readonly announcer: RunAnnouncer,
    private readonly sensorEvents: SensorEventsQuery,
    private readonly sensorEventsStore: SensorEventsStore,
    private readonly crossDevice: CrossDeviceTiming,
    private readonly categories: CategoriesQuery,
  ) {}

  /**
   * A gate event from ingestion, not stored yet. A start or finish that moves the field's run is
   * stored in the same transaction as the run (and a finish with its provisional attempt), so the
   * finish reaches the screens after one disk sync; any other gate goes to `storeAlone` (the group
   * commit). Resolves with the stored row, or null when (device, boot, seq) was already stored.
   */
  async execute(
    event: SensorEventRow,
    stageId: string | null,
    storeAlone: () => Promise<SensorEventRow | null>,
  ): Promise<SensorEventRow | null> {
    const fieldId = event.fieldId;
    // Checkpoint gates are kept in the event log; the judge scores checkpoints on the tablet.
    if (!fieldId || (event.gate !== 'start' && event.gate !== 'finish')) return storeAlone();
    return this.queue.run(fieldId, () => this.advance(fieldId, event, stageId, storeAlone));
  }

  /** One new start or finish gate event against the field's active run. */
  private async advance(
    fieldId: string,
    event: SensorEventRow,
    stageId: string | null,
    storeAlone: () => Promise<SensorEventRow | null>,
  ): Promise<SensorEventRow | null> {
    const active = await activeRunOf(this.dataSource.manager, fieldId);
    const gate = event.gate === 'start' ? 'start' : 'finish';
    const step = nextRunStep(active && asActive(active.run, active.start), {
      kind: 'gate',
      gate,
      deviceId: event.deviceId,
      boot: event.boot,
      seq: event.seq,
      layout: active?.layout,
    });
    if (active && step.kind === 'start') return this.start(active.run, event, stageId);
    if (active?.start && step.kind === 'finish')
      return (await this.finish(active.run, active.start, event, stageId, 'new')) ? event : null;
    if (active?.start && step.kind === 'finish-across')
      return this.finishAcross(active.run, active.start, event, stageId, storeAlone);
    if (active && step.kind === 'needs-manual-timing') {
      if (!(await storeAlone())) return null;
      Object.assign(active.run, { state: 'needs-manual-timing', reason: step.reason });
      await storeRunProgress(this.dataSource.manager, active.run);
      this.announcer.announce(active.run);
      return event;
    }
    const stored = await storeAlone();
    if (stored) this.announcer.unassigned(fieldId, stored);
    return stored;
  }

  /** The armed run starts: the start event and the run's new state are stored together. */
  private async start(
    run: FieldRunEntity,
    event: SensorEventRow,
    stageId: string | null,
  ): Promise<SensorEventRow | null> {
    const running: FieldRunEntity = Object.assign(new FieldRunEntity(), run, {
      state: 'running',
      startEventId: event.id,
      startedAt: event.receivedAt,
    });
    const stored = await this.dataSource.transaction(async (manager) => {
      if (!(await this.sensorEventsStore.insertNew([{ ...event, runId: run.id }], manager)))
        return false;
      await storeRunProgress(manager, running);
      return true;
    });
    if (!stored) return null;
    event.runId = run.id;
    Object.assign(run, running);
    // Screens see the run start even when its finish arrived in the same breath.
    this.announcer.announce(run);
    // A finish of the same boot that overtook this start on the network finishes the run now.
    const earlyFinish = await this.sensorEvents.unclaimedFinishAfter(event, run.armedAt);
    if (earlyFinish) await this.finish(run, event, earlyFinish, stageId, 'stored');
    return event;
  }

  /**
   * The finish device's gate ends a run the start device started: timed through both clocks'
   * offsets (docs/sensor-contract.md#clock-offsets). A bound wider than the category's timing
   * tolerance, or clocks that cannot be read yet, leave the run to the judge's stopwatch. A finish
   * that the clocks cannot place after the start (crossed before it, its message held on the
   * network) ends nothing: it is kept unassigned, as a one-device finish before its start is.
   */
  private async finishAcross(
    run: FieldRunEntity,
    start: StartGate,
    event: SensorEventRow,
    stageId: string | null,
    storeAlone: () => Promise<SensorEventRow | null>,
  ): Promise<SensorEventRow | null> {
    const time = await this.crossDevice.time(start, event);
    if (time && time.durationMs <= time.boundMs) {
      const stored = await storeAlone();
      if (stored) this.announcer.unassigned(run.fieldId, stored);
      return stored;
    }
    const tolerance = await this.categories.mazeTimingToleranceOf(run.categoryId);
    if (time && time.boundMs <= tolerance)
      return (await this.finish(run, start, event, stageId, 'new', time)) ? event : null;
    const manual: FieldRunEntity = Object.assign(new FieldRunEntity(), run, {
      state: 'needs-manual-timing',
      reason: 'timing-bound',
      finishEventId: event.id,
      timingBoundMs: time?.boundMs ?? null,
    });
    const stored = await this.dataSource.transaction(async (manager) => {
      if (!(await this.sensorEventsStore.insertNew([{ ...event, runId: run.id }], manager)))
        return false;
      await storeRunProgress(manager, manual);
      return true;
    });
    if (!stored) return null;
    event.runId = run.id;
    Object.assign(run, manual);
    this.announcer.announce(run);
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
    finish: SensorEventRow,
    stageId: string | null,
    finishEvent: 'new' | 'stored',
    acrossDevices: CrossDeviceTime | null = null,
  ): Promise<boolean> {
    const finished: FieldRunEntity = Object.assign(new FieldRunEntity(), run, {
      state: 'finished',
      finishEventId: finish.id,
      // One device clock times exactly; two are read through their offsets.
      durationMs: acrossDevices?.durationMs ?? durationMs(start.deviceTimeUs, finish.deviceTimeUs),
      timingBoundMs: acrossDevices?.boundMs ?? 0,
      entryId: randomUUID(),
    });
    const storeFinish = async (manager: EntityManager) => {
      if (finishEvent === 'stored')
        await this.sensorEventsStore.claimForRun([finish.id], run.id, manager);
      else if (!(await this.sensorEventsStore.insertNew([{ ...finish, runId: run.id }], manager)))
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
      const recorded = device
        ? await this.recordAttempt.execute(finished, device, storeFinish)
        : false;
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
    this.announcer.announce(run);
    return true;
  }
}
