import { z } from 'zod';
import type { HeldEntry } from './held-entries';
import type { StandingRow } from '@olympiad/scoring';
import type { ArmRun, DeviceStatus, FieldSignal, RunState, UnassignedSensorEvent } from './runs';
import type { AwardsState, DisplayConfig, DisplayHelloResult, PublicRun } from './leaderboard-live';
import type { RoomRef } from './room-ref';
import type { SumoClock } from './routes/sumo-clock.routes';

/**
 * Socket.IO contract (docs/design.md#live-updates). A client joins a room and gets a snapshot with a version;
 * after that it gets deltas whose version is exactly one more than the last one it saw. A client
 * that sees a gap emits `resync` and replaces its state with the snapshot it gets back.
 */

/** What `join`, `resync` and `leave` take: checked by the live gateway, since a socket message is any JSON. */
export const roomRefSchema = z
  .object({ kind: z.enum(['stage', 'category', 'field']), id: z.uuid() })
  .strict();

/** What `display:hello` takes: the id and secret the display was paired with. */
export const displayHelloSchema = z
  .object({ displayId: z.uuid(), secret: z.string().min(1).max(100) })
  .strict();
export type DisplayHello = z.infer<typeof displayHelloSchema>;

/**
 * `room:beacon`: every few seconds each replica tells the sockets of each room it holds, itself
 * and not through the adapter, where the room is (docs/deploy.md#silent-rooms). `version` is the
 * database's standings version of a category room, `null` in a public room whose category is not
 * published (the public holds nothing of it), absent for rooms without a version (stage, field).
 * `everyMs` is the cadence: a client that hears no beacon for a few of them resyncs.
 */
export const roomBeaconSchema = z
  .object({
    kind: z.enum(['stage', 'category', 'field']),
    id: z.uuid(),
    version: z.number().int().min(0).nullable().optional(),
    everyMs: z.number().int().positive(),
  })
  .strict();
export type RoomBeacon = z.infer<typeof roomBeaconSchema>;

export const categorySummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  discipline: z.string(),
  ageGroup: z.string(),
  status: z.string(),
  published: z.boolean(),
  version: z.number(),
});
export type CategorySummary = z.infer<typeof categorySummarySchema>;

export const stageSnapshotSchema = z.object({
  stageId: z.string(),
  name: z.string(),
  status: z.string(),
  categories: z.array(categorySummarySchema),
  /** The season the stage belongs to: its name and logo (null when none was uploaded) for the hall screen. */
  olympiad: z.object({ name: z.string(), logoUrl: z.string().nullable() }).optional(),
});
export type StageSnapshot = z.infer<typeof stageSnapshotSchema>;

const timePrecisionSchema = z.enum(['ms', 'cs']);

/** A row of the standings as libs/scoring ranks it (`StandingRow`); `detail` is the discipline's own. */
export const standingRowSchema = z.object({
  teamId: z.string(),
  place: z.number().nullable(),
  status: z.enum(['ranked', 'not-scored', 'dnf', 'disqualified', 'absent', 'withdrawn']),
  primary: z.number().nullable(),
  display: z.string(),
  timePrecision: timePrecisionSchema.optional(),
  detail: z.record(z.string(), z.unknown()),
  provisional: z.boolean().optional(),
  unconfirmed: z
    .object({
      primary: z.number().nullable(),
      display: z.string(),
      timePrecision: timePrecisionSchema.optional(),
    })
    .optional(),
  /** Double entry: an attempt waits for its second entry or the head judge (docs/rules.md#double-entry). */
  review: z.enum(['awaiting-second', 'in-review']).optional(),
});

export const standingsSnapshotSchema = z.object({
  categoryId: z.string(),
  version: z.number(),
  published: z.boolean(),
  standings: z.object({
    rows: z.array(standingRowSchema),
    /** Ledger entries the rules could not use, for the head judge (never in a public answer). */
    warnings: z
      .array(z.object({ entryId: z.string(), key: z.string(), message: z.string() }))
      .optional(),
  }),
  teams: z.record(z.string(), z.object({ name: z.string(), school: z.string() })),
});
export type StandingsSnapshot = z.infer<typeof standingsSnapshotSchema>;

/** The rows that changed (place, status or result) going from version - 1 to version. */
export interface StandingsDelta {
  categoryId: string;
  version: number;
  /**
   * The version this delta applies on. Absent: `version - 1`. Public rooms may get several
   * deltas merged into one (coalescing), which then spans `from` → `version`.
   */
  from?: number;
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
      /** Stage rooms: awards reveals in progress (only the revealed places). */
      awards?: AwardsState[];
      /** Stage rooms: what is on the fields now (published categories only), as `run:public` sends it. */
      runs?: PublicRun[];
      /** Stage rooms: each ring's latest match clock (published categories only), as `sumo:clock` sends it. */
      sumoClocks?: SumoClock[];
    }
  | { ok: false; key: string; message: string };

export interface ServerToClientEvents {
  'stage:snapshot': (snapshot: StageSnapshot) => void;
  'standings:snapshot': (snapshot: StandingsSnapshot) => void;
  'standings:delta': (delta: StandingsDelta) => void;
  'run:state': (run: RunState) => void;
  'device:status': (status: DeviceStatus) => void;
  'sensor:unassigned': (event: UnassignedSensorEvent) => void;
  /** Field rooms: a sumo ring's start button, start signal or fault. */
  'field:signal': (signal: FieldSignal) => void;
  /** Public stage rooms: the field clock of published categories only. */
  'run:public': (run: PublicRun) => void;
  /** Stage rooms: a ring's match clock as its tablet reported it (public rooms: published categories only). */
  'sumo:clock': (clock: SumoClock) => void;
  /** Stage rooms: the awards reveal as far as it has gone. */
  'awards:state': (state: AwardsState) => void;
  /** A paired display's room: what to show now. */
  'display:config': (config: DisplayConfig) => void;
  /** Staff stage rooms: an entry was held for the head judge, or the head judge settled one. */
  'held:changed': (held: HeldEntry) => void;
  /** Every room: where it is, from the replica holding the socket (docs/deploy.md#silent-rooms). */
  'room:beacon': (beacon: RoomBeacon) => void;
}

export interface ClientToServerEvents {
  join: (room: RoomRef, ack: (result: JoinResult) => void) => void;
  leave: (room: RoomRef) => void;
  resync: (room: RoomRef, ack: (result: JoinResult) => void) => void;
  /** Arms a run on a field, as POST /api/fields/:id/runs does. */
  'run:arm': (
    request: { fieldId: string } & ArmRun,
    ack: (
      result: { ok: true; run: RunState } | { ok: false; key: string; message: string },
    ) => void,
  ) => void;
  /** A display introduces itself on every (re)connect with the id and secret it was paired with. */
  'display:hello': (
    hello: { displayId: string; secret: string },
    ack: (result: DisplayHelloResult) => void,
  ) => void;
}

/** Sent in the Socket.IO handshake: `io(url, { auth: { token } })`. No token: a public viewer. */
export interface HandshakeAuth {
  token?: string;
}
