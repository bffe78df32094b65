import {
  type DeviceStatus,
  type DeviceSummary,
  type FieldQueue,
  type HeldEntry,
  type RoomRef,
  routes,
  type RunState,
} from '@olympiad/contracts';
import { useLiveRoom, useLiveSocket, useQuery, type QueryState } from '@olympiad/ui';
import { useEffect, useMemo, useRef } from 'react';
import type { ConsoleApi } from '../stage/console-context';
import { nextLiveRun, type LiveRun } from './field-run';

/**
 * Entries waiting for the head judge: `unknown` when the server cannot say (an older server
 * without the endpoint, or no answer) — never shown as zero.
 */
export type HeldState =
  { kind: 'loading' } | { kind: 'unknown' } | { kind: 'known'; open: HeldEntry[] };

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

interface LiveFields {
  runs: Record<string, LiveRun>;
  health: Record<string, DeviceStatus>;
}

const NOTHING_LIVE: LiveFields = { runs: {}, health: {} };

const putRun = (current: LiveFields, run: RunState): LiveFields => ({
  ...current,
  runs: {
    ...current.runs,
    [run.fieldId]: nextLiveRun(current.runs[run.fieldId], run, performance.now(), Date.now()),
  },
});

const putHealth = (current: LiveFields, statuses: readonly DeviceStatus[]): LiveFields => ({
  ...current,
  health: {
    ...current.health,
    ...Object.fromEntries(statuses.map((status) => [status.deviceId, status])),
  },
});

/** Standings changes come in bursts (a finish, then its correction): reload the queues once. */
const RELOAD_AFTER_MS = 300;

/**
 * Every field of a stage, live: the queues (REST, reloaded when a category's standings change),
 * each field room's run and device health, and the stage room's held entries.
 */
export function useFieldsLive(stageId: string, { api, getToken }: ConsoleApi): FieldsLive {
  const queues = useQuery(
    (signal) => api.call(routes.fieldQueues.list, { params: { stageId } }, { signal }),
    [api, stageId],
  );
  const devices = useQuery(
    (signal) => api.call(routes.devices.list, { params: { stageId } }, { signal }),
    [api, stageId],
  );
  const heldQuery = useQuery(
    (signal) =>
      api.call(
        routes.heldEntries.list,
        { params: { stageId }, query: { status: 'open' } },
        { signal },
      ),
    [api, stageId],
  );

  const loaded = queues.data !== undefined;
  const fieldIds = (queues.data ?? []).map((field) => field.fieldId);
  const categoryIds = [
    ...new Set(
      (queues.data ?? []).flatMap((field) => field.categories.map((category) => category.id)),
    ),
  ];
  const reloadQueues = queues.reload;
  const reloadHeld = heldQuery.reload;
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => void (pending.current && clearTimeout(pending.current)), []);
  const reloadSoon = () => {
    if (pending.current) clearTimeout(pending.current);
    pending.current = setTimeout(reloadQueues, RELOAD_AFTER_MS);
  };
  // The last standings version heard of each category, by delta or beacon: a beacon beyond it
  // means deltas never came (docs/deploy.md#silent-rooms), so the queues are read again.
  const versions = useRef(new Map<string, number>());
  const heard = (categoryId: string, version: number): boolean => {
    const last = versions.current.get(categoryId);
    if (last === undefined || version > last) versions.current.set(categoryId, version);
    return last !== undefined && version > last;
  };

  const { socket, connected } = useLiveSocket(getToken, loaded);
  const rooms: RoomRef[] = [
    { kind: 'stage', id: stageId },
    ...fieldIds.map((id): RoomRef => ({ kind: 'field', id })),
    ...categoryIds.map((id): RoomRef => ({ kind: 'category', id })),
  ];
  const live = useLiveRoom<LiveFields>(socket, loaded ? rooms : null, {
    keepState: true,
    load: (joined, current = NOTHING_LIVE) => {
      // After a drop, whatever changed meanwhile: fetch it again.
      if (joined.room.kind === 'stage' && joined.rejoin) {
        reloadQueues();
        reloadHeld();
      }
      if (joined.room.kind !== 'field') return current;
      const withRun = joined.run ? putRun(current, joined.run) : current;
      return putHealth(withRun, joined.devices ?? []);
    },
    events: {
      'run:state': (current = NOTHING_LIVE, run) => {
        if (run.state === 'finished') reloadSoon();
        return putRun(current, run);
      },
      'device:status': (current = NOTHING_LIVE, status) => putHealth(current, [status]),
      'standings:delta': (_current, delta) => {
        heard(delta.categoryId, delta.version);
        reloadSoon();
        return undefined;
      },
      'room:beacon': (_current, beacon) => {
        if (beacon.kind === 'category' && typeof beacon.version === 'number')
          if (heard(beacon.id, beacon.version)) reloadSoon();
        return undefined;
      },
      'standings:snapshot': () => void reloadSoon(),
      'held:changed': () => void reloadHeld(),
    },
  });
  const { runs, health } = live.state ?? NOTHING_LIVE;

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
          ...(field.nextMatch
            ? [
                [field.nextMatch.a.teamId, field.nextMatch.a.name] as const,
                [field.nextMatch.b.teamId, field.nextMatch.b.name] as const,
              ]
            : []),
        ]),
      ),
    [queues.data],
  );

  return { connected, queues, devices: devices.data ?? [], health, runs, held, teamNames };
}
