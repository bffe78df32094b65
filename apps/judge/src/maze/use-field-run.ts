import type {
  ClientToServerEvents,
  DeviceStatus,
  FieldSignal,
  RunState,
  ServerToClientEvents,
  UnassignedSensorEvent,
} from '@olympiad/contracts';
import { useEffect, useState } from 'react';
import { io, type Socket } from 'socket.io-client';

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
  const [live, setLive] = useState<FieldLive>(EMPTY);

  useEffect(() => {
    if (!fieldId) return;
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io({
      path: '/socket.io',
      auth: (callback) => callback({ token: token() ?? undefined }),
    });
    const room = { kind: 'field' as const, id: fieldId };
    const join = () =>
      socket.emit('join', room, (result) => {
        if (!result.ok) {
          setLive((current) => ({ ...current, refused: result.key }));
          return;
        }
        setLive((current) => ({
          ...current,
          connected: true,
          refused: null,
          run: result.run ?? current.run,
          startedHere: startOf(result.run ?? null, current),
          devices: result.devices ?? [],
          unassigned: newestFirst(result.unassigned ?? []),
        }));
      });
    socket.on('connect', join);
    socket.on('disconnect', () => setLive((current) => ({ ...current, connected: false })));
    socket.on('run:state', (run) =>
      setLive((current) =>
        run.fieldId === fieldId ? { ...current, run, startedHere: startOf(run, current) } : current,
      ),
    );
    socket.on('device:status', (status) =>
      setLive((current) => ({
        ...current,
        devices: [...current.devices.filter((d) => d.deviceId !== status.deviceId), status],
      })),
    );
    socket.on('sensor:unassigned', (event) =>
      setLive((current) =>
        event.fieldId === fieldId
          ? {
              ...current,
              unassigned: newestFirst([
                ...current.unassigned.filter((e) => e.id !== event.id),
                event,
              ]),
            }
          : current,
      ),
    );
    socket.on('field:signal', (signal) =>
      setLive((current) =>
        signal.fieldId === fieldId
          ? {
              ...current,
              signal: { ...signal, n: (current.signal?.n ?? 0) + 1, at: performance.now() },
            }
          : current,
      ),
    );
    return () => {
      socket.disconnect();
      setLive(EMPTY);
    };
  }, [fieldId, token]);

  return {
    ...live,
    setRun: (run) =>
      setLive((current) => ({ ...current, run, startedHere: startOf(run, current) })),
    dropUnassigned: (eventIds) =>
      setLive((current) => ({
        ...current,
        unassigned: current.unassigned.filter((event) => !eventIds.includes(event.id)),
      })),
  };
}

function startOf(run: RunState | null, current: FieldLive): number | null {
  if (!run || run.state !== 'running') return null;
  if (current.run?.state === 'running' && current.run.runId === run.runId)
    return current.startedHere;
  // Joined while the run was already going: count from the server's start time, as near as we can.
  const since = Date.now() - Date.parse(run.startedAt);
  return performance.now() - (Number.isFinite(since) && since > 0 ? since : 0);
}

/** Newest first: by arrival, and by the device's clock for events that arrived in the same ms. */
export function newestFirst(events: readonly UnassignedSensorEvent[]): UnassignedSensorEvent[] {
  return [...events].sort(
    (a, b) =>
      b.receivedAt.localeCompare(a.receivedAt) ||
      (a.deviceId === b.deviceId && a.boot === b.boot ? b.deviceTimeUs - a.deviceTimeUs : 0),
  );
}
