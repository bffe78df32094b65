import { type ClientToServerEvents, type DeviceStatus, type DeviceSummary, type FieldQueue, type HeldEntry, routes, type RunState, type ServerToClientEvents } from '@olympiad/contracts';
import { useQuery, type QueryState } from '@olympiad/ui';
import { useEffect, useMemo, useRef, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
import type { ConsoleApi } from '../stage/console-context';
import { nextLiveRun, type LiveRun } from './field-run';

/**
 * Entries waiting for the head judge: `unknown` when the server cannot say (an older server
 * without the endpoint, or no answer) — never shown as zero.
 */
export type HeldState = { kind: 'loading' } | { kind: 'unknown' } | { kind: 'known'; open: HeldEntry[] };

export interface FieldsLive {
  connected: boolean;
  queues: QueryState<FieldQueue[]> & { reload: () => void };
  devices: DeviceSummary[];
  health: Record<string, DeviceStatus>;
  runs: Record<string, LiveRun>;
  held: HeldState;
  /** Team names by id, from every field's queue: what a run names. */
  teamNames: ReadonlyMap<string, string>;
}

/** Standings changes come in bursts (a finish, then its correction): reload the queues once. */
const RELOAD_AFTER_MS = 300;

/**
 * Every field of a stage, live: the queues (REST, reloaded when a category's standings change),
 * each field room's run and device health, and the stage room's held entries.
 */
export function useFieldsLive(stageId: string, { api, getToken }: ConsoleApi): FieldsLive {
  const queues = useQuery((signal) => api.call(routes.fieldQueues.list, { params: { stageId } }, { signal }), [api, stageId]);
  const devices = useQuery((signal) => api.call(routes.devices.list, { params: { stageId } }, { signal }), [api, stageId]);
  const heldQuery = useQuery((signal) => api.call(routes.heldEntries.list, { params: { stageId }, query: { status: 'open' } }, { signal }), [api, stageId]);
  const [connected, setConnected] = useState(false);
  const [health, setHealth] = useState<Record<string, DeviceStatus>>({});
  const [runs, setRuns] = useState<Record<string, LiveRun>>({});

  const loaded = queues.data !== undefined;
  const fieldKey = (queues.data ?? []).map((field) => field.fieldId).join(',');
  const categoryKey = [...new Set((queues.data ?? []).flatMap((field) => field.categories.map((category) => category.id)))].join(',');
  const reloadQueues = queues.reload;
  const reloadHeld = heldQuery.reload;
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    if (!loaded) return;
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io({
      path: '/socket.io',
      auth: (callback) => callback({ token: getToken() ?? undefined }),
    });
    const fieldIds = fieldKey ? fieldKey.split(',') : [];
    const categoryIds = categoryKey ? categoryKey.split(',') : [];
    const putRun = (run: RunState) =>
      setRuns((current) => ({ ...current, [run.fieldId]: nextLiveRun(current[run.fieldId], run, performance.now(), Date.now()) }));
    const putHealth = (statuses: DeviceStatus[]) =>
      setHealth((current) => ({ ...current, ...Object.fromEntries(statuses.map((status) => [status.deviceId, status])) }));
    const reloadSoon = () => {
      if (pending.current) clearTimeout(pending.current);
      pending.current = setTimeout(reloadQueues, RELOAD_AFTER_MS);
    };
    let rejoin = false;
    socket.on('connect', () => {
      setConnected(true);
      socket.emit('join', { kind: 'stage', id: stageId }, () => undefined);
      for (const id of fieldIds) {
        socket.emit('join', { kind: 'field', id }, (result) => {
          if (!result.ok) return;
          if (result.run) putRun(result.run);
          putHealth(result.devices ?? []);
        });
      }
      for (const id of categoryIds) socket.emit('join', { kind: 'category', id }, () => undefined);
      // After a drop, whatever changed meanwhile: fetch it again.
      if (rejoin) {
        reloadQueues();
        reloadHeld();
      }
      rejoin = true;
    });
    socket.on('disconnect', () => setConnected(false));
    socket.on('run:state', (run) => {
      putRun(run);
      if (run.state === 'finished') reloadSoon();
    });
    socket.on('device:status', (status) => putHealth([status]));
    socket.on('standings:delta', reloadSoon);
    socket.on('standings:snapshot', reloadSoon);
    socket.on('held:changed', reloadHeld);
    return () => {
      if (pending.current) clearTimeout(pending.current);
      socket.disconnect();
      setConnected(false);
    };
  }, [loaded, stageId, fieldKey, categoryKey, getToken, reloadQueues, reloadHeld]);

  const held: HeldState =
    heldQuery.status === 'ready'
      ? { kind: 'known', open: heldQuery.data.filter((entry) => entry.status === 'open') }
      : heldQuery.status === 'error'
        ? { kind: 'unknown' }
        : heldQuery.data
          ? { kind: 'known', open: heldQuery.data.filter((entry) => entry.status === 'open') }
          : { kind: 'loading' };

  const teamNames = useMemo(
    () =>
      new Map(
        (queues.data ?? []).flatMap((field) => [
          ...field.teams.map((team) => [team.teamId, team.name] as const),
          ...(field.nextMatch ? [[field.nextMatch.a.teamId, field.nextMatch.a.name] as const, [field.nextMatch.b.teamId, field.nextMatch.b.name] as const] : []),
        ]),
      ),
    [queues.data],
  );

  return { connected, queues, devices: devices.data ?? [], health, runs, held, teamNames };
}
