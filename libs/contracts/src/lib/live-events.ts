import type { StandingRow, Standings } from '@olympiad/scoring';
import type { DeviceStatus, RunState, UnassignedSensorEvent } from './runs';

/**
 * Socket.IO contract (DESIGN.md §5). A client joins a room and gets a snapshot with a version;
 * after that it gets deltas whose version is exactly one more than the last one it saw. A client
 * that sees a gap emits `resync` and replaces its state with the snapshot it gets back.
 */

export type RoomRef =
  | { kind: 'stage'; id: string }
  | { kind: 'category'; id: string }
  | { kind: 'field'; id: string };

export function roomName(room: RoomRef): string {
  return `${room.kind}:${room.id}`;
}

export interface CategorySummary {
  id: string;
  name: string;
  discipline: string;
  ageGroup: string;
  status: string;
  published: boolean;
  version: number;
}

export interface StageSnapshot {
  stageId: string;
  name: string;
  status: string;
  categories: CategorySummary[];
}

export interface StandingsSnapshot {
  categoryId: string;
  version: number;
  published: boolean;
  standings: Standings;
  teams: Record<string, { name: string; school: string }>;
}

/** The rows that changed (place, status or result) going from version - 1 to version. */
export interface StandingsDelta {
  categoryId: string;
  version: number;
  changed: StandingRow[];
}

export type JoinResult =
  | {
      ok: true;
      room: RoomRef;
      stage?: StageSnapshot;
      standings?: StandingsSnapshot;
      /** Field rooms: the run on the field now, its devices and the unassigned sensor events. */
      run?: RunState;
      devices?: DeviceStatus[];
      unassigned?: UnassignedSensorEvent[];
    }
  | { ok: false; key: string; message: string };

export interface ServerToClientEvents {
  'stage:snapshot': (snapshot: StageSnapshot) => void;
  'standings:snapshot': (snapshot: StandingsSnapshot) => void;
  'standings:delta': (delta: StandingsDelta) => void;
  'run:state': (run: RunState) => void;
  'device:status': (status: DeviceStatus) => void;
  'sensor:unassigned': (event: UnassignedSensorEvent) => void;
}

export interface ClientToServerEvents {
  join: (room: RoomRef, ack: (result: JoinResult) => void) => void;
  leave: (room: RoomRef) => void;
  resync: (room: RoomRef, ack: (result: JoinResult) => void) => void;
}

/** Sent in the Socket.IO handshake: `io(url, { auth: { token } })`. No token: a public viewer. */
export interface HandshakeAuth {
  token?: string;
}
