import type { PublicRun, RunState, UnassignedSensorEvent } from '@olympiad/contracts';
import type { SensorEventRow } from '../sensors/sensor-events.query';
import type { FieldRunEntity } from './field-run.entity';

/** The live shape of a stored run (a cancelled run leaves the field idle). */
export function toRunState(
  fieldId: string,
  run: FieldRunEntity | null,
  now: Date = new Date(),
): RunState {
  if (!run || run.state === 'cancelled' || run.state === 'released')
    return { fieldId, state: 'idle' };
  const base = {
    fieldId,
    runId: run.id,
    categoryId: run.categoryId,
    teamId: run.teamId,
    attempt: run.attempt,
    armedAt: run.armedAt,
  };
  switch (run.state) {
    case 'armed':
      return { ...base, state: 'armed' };
    case 'running':
      return {
        ...base,
        state: 'running',
        startedAt: run.startedAt ?? run.armedAt,
        serverNow: now.toISOString(),
      };
    case 'finished':
      return {
        ...base,
        state: 'finished',
        startedAt: run.startedAt ?? run.armedAt,
        durationMs: run.durationMs ?? 0,
        boundMs: run.timingBoundMs ?? 0,
        entryId: run.entryId,
      };
    case 'needs-manual-timing':
      return {
        ...base,
        state: 'needs-manual-timing',
        reason:
          run.reason === 'device-offline' || run.reason === 'timing-bound'
            ? run.reason
            : 'device-rebooted',
        boundMs: run.timingBoundMs,
      };
  }
}

/** What the run timing tells the public about a field (LiveService adds the field, stage and team names). */
export type PublicRunChange = Omit<PublicRun, 'serverNow' | 'stageId' | 'fieldName' | 'teamName'>;

/** The hall's view of a run: the clock only; a run waiting for manual timing shows nothing running. */
export function toPublicRun(state: RunState): PublicRunChange {
  if (state.state === 'idle' || state.state === 'needs-manual-timing')
    return { fieldId: state.fieldId, state: 'idle' };
  return {
    fieldId: state.fieldId,
    state: state.state,
    categoryId: state.categoryId,
    teamId: state.teamId,
    attempt: state.attempt,
    startedAt: 'startedAt' in state ? state.startedAt : undefined,
    durationMs: state.state === 'finished' ? state.durationMs : undefined,
  };
}

/** A stored gate event no run claimed, as the judge's tablet lists it. */
export function toUnassigned(event: SensorEventRow): UnassignedSensorEvent {
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

/** Device clocks count microseconds; results are whole milliseconds (rounded half up). */
export function durationMs(startUs: number, finishUs: number): number {
  return Math.round((finishUs - startUs) / 1000);
}

/** What a finish or a reboot needs to know of the gate that started the active run. */
export interface RunStartRef {
  deviceId: string;
  boot: string;
  seq: number;
}

/**
 * Which device is the field's start gate and which its finish gate (docs/sensor-contract.md#gate-layout);
 * a field without one (null) lets its device do both, as every field did before layouts.
 */
export interface GateLayout {
  startDeviceId: string;
  finishDeviceId: string;
}

/** The field's armed or running run (the newest one), as the state machine sees it. */
export interface ActiveRun {
  state: 'armed' | 'running';
  start: RunStartRef | null;
}

/** Something that happens to a field: a start or finish gate, a device's new boot, a judge's arm or cancel. */
export type RunEvent =
  | {
      kind: 'gate';
      gate: 'start' | 'finish';
      deviceId: string;
      boot: string;
      seq: number;
      layout?: GateLayout | null;
    }
  | { kind: 'boot'; deviceId: string; boot: string }
  | { kind: 'arm' }
  /** `latest` is the state of the field's newest run, read when nothing is armed or running. */
  | { kind: 'cancel'; latest: FieldRunEntity['state'] | null };

/** What the run timing does with the event. */
export type RunStep =
  /** The armed run starts with this start gate. */
  | { kind: 'start' }
  /** The running run finishes with this finish gate (same device and boot, later seq). */
  | { kind: 'finish' }
  /** The running run finishes with the finish device's gate: timed through both clocks' offsets. */
  | { kind: 'finish-across' }
  /** The device that started the run rebooted: the run can no longer be timed by it. */
  | { kind: 'needs-manual-timing'; reason: 'device-rebooted' }
  /** The gate moves no run: it is kept unassigned (a judge may attach it, or a later start claims a finish). */
  | { kind: 'unassigned' }
  /** A run is in progress: arming again is refused. */
  | { kind: 'refuse'; reason: 'runs.running' }
  /** A new run is armed; `replaces` when an armed run that never started is cancelled for it. */
  | { kind: 'arm'; replaces: boolean }
  /** The active run is cancelled and the events it claimed go back to the unassigned list. */
  | { kind: 'cancel' }
  /** The judge frees the field after a finished (or manually timed) run: it is stored released. */
  | { kind: 'release' }
  /** Nothing changes. */
  | { kind: 'none' };

/** The state machine's view of a run found among the field's armed or running runs. */
export function asActive(run: FieldRunEntity, start: RunStartRef | null): ActiveRun {
  return { state: run.state === 'running' ? 'running' : 'armed', start };
}

/**
 * The field's run state machine (docs/architecture.md, *The flow of a sensor event*): pure, so each
 * transition is tested on its own; the run timing stores what it decides.
 */
export function nextRunStep(active: ActiveRun | null, event: RunEvent): RunStep {
  switch (event.kind) {
    case 'gate': {
      const layout = event.layout ?? null;
      // With a layout, only the start device starts and only the finish device finishes.
      const gateDevice = layout
        ? event.gate === 'start'
          ? layout.startDeviceId
          : layout.finishDeviceId
        : event.deviceId;
      if (event.deviceId !== gateDevice) return { kind: 'unassigned' };
      if (event.gate === 'start')
        return active?.state === 'armed' ? { kind: 'start' } : { kind: 'unassigned' };
      const start = active?.state === 'running' ? active.start : null;
      if (start && start.deviceId !== event.deviceId)
        return layout ? { kind: 'finish-across' } : { kind: 'unassigned' };
      if (start?.deviceId === event.deviceId && start.boot === event.boot && event.seq > start.seq)
        return { kind: 'finish' };
      if (start?.deviceId === event.deviceId && start.boot !== event.boot)
        return { kind: 'needs-manual-timing', reason: 'device-rebooted' };
      // Nothing armed, or a finish before any start (it waits, unassigned, for its start).
      return { kind: 'unassigned' };
    }
    case 'boot': {
      // A run its new boot started (the status can arrive after that start) runs on.
      const start = active?.state === 'running' ? active.start : null;
      if (start?.deviceId === event.deviceId && start.boot !== event.boot)
        return { kind: 'needs-manual-timing', reason: 'device-rebooted' };
      return { kind: 'none' };
    }
    case 'arm':
      if (active?.state === 'running') return { kind: 'refuse', reason: 'runs.running' };
      return { kind: 'arm', replaces: active !== null };
    case 'cancel':
      if (active) return { kind: 'cancel' };
      return event.latest === 'finished' || event.latest === 'needs-manual-timing'
        ? { kind: 'release' }
        : { kind: 'none' };
  }
}
