import type {
  DeviceStatus,
  FieldSignal,
  RunState,
  UnassignedSensorEvent,
} from '@olympiad/contracts';
import { isLiveRoomRefusal, useLiveRoom, useLiveSocket } from '@olympiad/ui';

export interface FieldLive {
  connected: boolean;
  run: RunState | null;
  /** performance.now() when this tablet learnt the run started: the running clock counts from it. */
  startedHere: number | null;
  devices: DeviceStatus[];
  /** Gate events that arrived while nothing was armed on the field, newest first. */
  unassigned: UnassignedSensorEvent[];
  /** The room refused us (e.g. a field of another stage), with its message key. */
  refused: string | null;
  /** The last button or fault signal of the field's devices (a sumo ring's start button), numbered, with performance.now() when it arrived. */
  signal: (FieldSignal & { n: number; at: number }) | null;
}

const EMPTY: FieldLive = {
  connected: false,
  run: null,
  startedHere: null,
  devices: [],
  unassigned: [],
  refused: null,
  signal: null,
};

/**
 * The field room over Socket.IO: the run on the field, its devices, unassigned sensor events and
 * the devices' button signals.
 */
export function useFieldRun(
  fieldId: string | null,
  token: () => string | null,
): FieldLive & {
  setRun: (run: RunState) => void;
  /** Events a run took (attached by this tablet) leave the list. */
  dropUnassigned: (eventIds: readonly string[]) => void;
} {
  const { socket } = useLiveSocket(token, fieldId !== null);
  const room = useLiveRoom<FieldLive>(socket, fieldId ? { kind: 'field', id: fieldId } : null, {
    load: (result, current = EMPTY) => ({
      ...current,
      connected: true,
      refused: null,
      run: result.run ?? current.run,
      startedHere: startOf(result.run ?? null, current),
      devices: result.devices ?? [],
      unassigned: newestFirst(result.unassigned ?? []),
    }),
    events: {
      'run:state': (current = EMPTY, run) =>
        run.fieldId === fieldId
          ? { ...current, run, startedHere: startOf(run, current) }
          : undefined,
      'device:status': (current = EMPTY, status) => ({
        ...current,
        devices: [...current.devices.filter((d) => d.deviceId !== status.deviceId), status],
      }),
      'sensor:unassigned': (current = EMPTY, event) =>
        event.fieldId === fieldId
          ? {
              ...current,
              unassigned: newestFirst([
                ...current.unassigned.filter((e) => e.id !== event.id),
                event,
              ]),
            }
          : undefined,
      'field:signal': (current = EMPTY, signal) =>
        signal.fieldId === fieldId
          ? {
              ...current,
              signal: { ...signal, n: (current.signal?.n ?? 0) + 1, at: performance.now() },
            }
          : undefined,
    },
  });
  const live = room.state ?? EMPTY;

  return {
    ...live,
    connected: room.status === 'live',
    refused: room.status === 'error' && isLiveRoomRefusal(room.error) ? room.error.key : null,
    setRun: (run) =>
      room.update((current = EMPTY) => ({ ...current, run, startedHere: startOf(run, current) })),
    dropUnassigned: (eventIds) =>
      room.update((current = EMPTY) => ({
        ...current,
        unassigned: current.unassigned.filter((event) => !eventIds.includes(event.id)),
      })),
  };
}

function startOf(run: RunState | null, current: FieldLive): number | null {
  if (!run || run.state !== 'running') return null;
  if (current.run?.state === 'running' && current.run.runId === run.runId)
    return current.startedHere;
  return runStartHere(run, Date.now(), performance.now());
}

/**
 * performance.now() at the run's start on this tablet: `startedAt` on the server's clock, read
 * through the offset `serverNow` gives (docs/results-display.md#the-field-clock), so the tablet's
 * clock shows what the hall's shows even when the tablet's own clock is wrong. Taken once per
 * run: a later message never moves a running clock.
 */
export function runStartHere(
  run: Extract<RunState, { state: 'running' }>,
  localNow: number,
  performanceNow: number,
): number {
  const serverNow = run.serverNow ? Date.parse(run.serverNow) : NaN;
  const offset = Number.isFinite(serverNow) ? serverNow - localNow : 0;
  const since = localNow + offset - Date.parse(run.startedAt);
  return performanceNow - (Number.isFinite(since) && since > 0 ? since : 0);
}

/** Newest first: by arrival, and by the device's clock for events that arrived in the same ms. */
export function newestFirst(events: readonly UnassignedSensorEvent[]): UnassignedSensorEvent[] {
  return [...events].sort(
    (a, b) =>
      b.receivedAt.localeCompare(a.receivedAt) ||
      (a.deviceId === b.deviceId && a.boot === b.boot ? b.deviceTimeUs - a.deviceTimeUs : 0),
  );
}
