import type {
  ClientToServerEvents,
  JoinResult,
  RoomBeacon,
  RoomRef,
  ServerToClientEvents,
} from '@olympiad/contracts';
import type { Socket } from 'socket.io-client';
import { behindGraceMs, isBehind, silenceWaitMs, SILENT_AFTER_BEACONS } from './room-beacon';

/**
 * The live room protocol (docs/design.md#live-updates) on the client: join, take the snapshot,
 * apply what the room sends, and after a version gap, a dropped link or a room that does not
 * answer, take a fresh snapshot. So does a room whose beacon (docs/deploy.md#silent-rooms) says
 * the state is behind, or whose beacons stopped. One `LiveRoom` keeps one state fed by one or more rooms.
 */

export type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** What a live room needs of a connection: a Socket.IO socket (`socketLink`), or a fake in tests. */
export interface LiveLink {
  onConnect(listener: () => void): () => void;
  onDisconnect(listener: () => void): () => void;
  on<E extends keyof ServerToClientEvents>(event: E, listener: ServerToClientEvents[E]): () => void;
  /** Emits `join` or `resync`; `answer` gets the server's answer, or an error after `timeoutMs`. */
  request(
    event: 'join' | 'resync',
    room: RoomRef,
    timeoutMs: number,
    answer: (error: Error | null, result?: JoinResult) => void,
  ): void;
  leave(room: RoomRef): void;
  isConnected(): boolean;
}

export function socketLink(socket: LiveSocket): LiveLink {
  const listen = (event: string, listener: (...args: never[]) => void) => {
    socket.on(event as never, listener as never);
    return () => void socket.off(event as never, listener as never);
  };
  return {
    onConnect: (listener) => listen('connect', listener),
    onDisconnect: (listener) => listen('disconnect', () => listener()),
    on: (event, listener) => listen(event, listener as never),
    request: (event, room, timeoutMs, answer) =>
      void socket
        .timeout(timeoutMs)
        .emit(event, room, (error: Error | null, result: JoinResult) => answer(error, result)),
    leave: (room) => void socket.emit('leave', room),
    isConnected: () => socket.connected,
  };
}

/**
 * `connecting`: joining (or re-joining after a drop), nothing current yet; `live`: every room
 * answered and the state is current; `offline`: the link is down, the state is the last one seen;
 * `error`: a room refused us or the snapshot could not be loaded (`error` says which).
 */
export type LiveRoomStatus = 'connecting' | 'live' | 'offline' | 'error';

/** A room's own refusal (`{ ok: false }` answer to a join). */
export class LiveRoomRefusal {
  constructor(
    readonly key: string,
    readonly message: string,
  ) {}
}

export function isLiveRoomRefusal(error: unknown): error is LiveRoomRefusal {
  return error instanceof LiveRoomRefusal;
}

export interface LiveRoomView<S> {
  status: LiveRoomStatus;
  state: S | undefined;
  /** A `LiveRoomRefusal`, or what the `load` callback threw. */
  error: LiveRoomRefusal | unknown;
}

/** A join answer that let us in, and why it was asked for. */
export type JoinedRoom = Extract<JoinResult, { ok: true }> & {
  /** After a version gap or an unanswered request, not a first join. */
  resync: boolean;
  /** A join after the link dropped and came back. */
  rejoin: boolean;
};

const RESYNC = Symbol('resync');

/** A handler's answer asking for a fresh snapshot, with the state to show meanwhile. */
export interface Resync<S> {
  [RESYNC]: true;
  state: S | undefined;
}

export function resync<S>(state?: S): Resync<S> {
  return { [RESYNC]: true, state };
}

/** A new state, `undefined` for "no change", or `resync(...)`. */
export type LiveStep<S> = S | undefined | Resync<S>;

type Payload<E extends keyof ServerToClientEvents> = Parameters<ServerToClientEvents[E]>[0];

/** A delta of a versioned room: applies only on the version it follows. */
export interface VersionedDelta<S, P> {
  /** The versions the delta spans (`from` → `to`), or null when it is not for this state. */
  span(payload: P): { from: number; to: number } | null;
  apply(state: S, payload: P): LiveStep<S>;
}

export type LiveRoomHandler<S, P> =
  ((state: S | undefined, payload: P) => LiveStep<S>) | VersionedDelta<S, P>;

export type LiveRoomEvents<S> = {
  [E in keyof ServerToClientEvents]?: LiveRoomHandler<S, Payload<E>>;
};

export interface LiveRoomOptions<S> {
  /**
   * The snapshot, from the join answer and, where the app needs it, a REST call of its own.
   * Called for each room on every join, re-join and resync; `current` is the state held. A load
   * that returns a promise should not build on `current`: other rooms may change it meanwhile.
   */
  load: (joined: JoinedRoom, current: S | undefined) => S | Promise<S>;
  events?: LiveRoomEvents<S>;
  /**
   * Versioned rooms: the version the state is at (undefined: deltas wait for a snapshot; null: the
   * room shows nothing, e.g. results withdrawn from publication), also compared with the beacons.
   */
  versionOf?: (state: S) => number | null | undefined;
  /** When the rooms change, start from the state of the rooms before instead of nothing. */
  keepState?: boolean;
  /** How long a join or resync may go unanswered before it is asked again. */
  requestTimeoutMs?: number;
  /**
   * Wait before asking again after no answer or a server error; a load that failed is asked
   * again after this, doubled on each failure in a row up to `MAX_LOAD_RETRY_DELAY_MS`.
   */
  retryDelayMs?: number;
  /** How long a state may stay behind its room's beacon before a resync (a delta may be on its way). */
  beaconGraceMs?: number;
}

const REQUEST_TIMEOUT_MS = 5_000;
const BEACON_GRACE_MS = 2_000;
const RETRY_DELAY_MS = 2_000;
const MAX_LOAD_RETRY_DELAY_MS = 30_000;

interface RoomTrack {
  ref: RoomRef;
  loaded: boolean;
  refusal: LiveRoomRefusal | null;
  /** What this room's last load threw, until one succeeds (null: none failed). */
  loadError: unknown;
  /** Loads failed in a row, for the backoff of the next try. */
  loadFailures: number;
  /** The connection epoch of the request in flight, or null. */
  inFlight: number | null;
  again: boolean;
  retry: ReturnType<typeof setTimeout> | null;
  /** The last beacon's version (see `RoomBeacon`), and when the room was last heard from. */
  told: number | null | undefined;
  heardAt: number;
  /** Set from the first beacon on: fires when the room has been quiet for a few beacons. */
  silence: ReturnType<typeof setTimeout> | null;
  /** Set while the state is behind a beacon, for the grace a delta on its way gets. */
  behind: ReturnType<typeof setTimeout> | null;
}

function isResync<S>(step: LiveStep<S>): step is Resync<S> {
  return typeof step === 'object' && step !== null && RESYNC in step;
}

function isVersioned<S, P>(handler: LiveRoomHandler<S, P>): handler is VersionedDelta<S, P> {
  return typeof handler === 'object';
}

/**
 * One state fed by a set of rooms on a link. Joins every room on each connect; a room's answer
 * goes through `load`; events go through their handlers, versioned deltas in version order.
 */
export class LiveRoom<S> {
  private view: LiveRoomView<S> = { status: 'connecting', state: undefined, error: null };
  private readonly rooms: RoomTrack[];
  private readonly listeners = new Set<() => void>();
  private readonly unsubscribe: (() => void)[] = [];
  private epoch = 0;
  private get options(): LiveRoomOptions<S> {
    return this.latest.current;
  }
  private connectedBefore = false;
  private closed = false;

  constructor(
    private readonly link: LiveLink,
    rooms: readonly RoomRef[],
    /** Read at each use, so a hook can pass its latest callbacks. */
    private readonly latest: { readonly current: LiveRoomOptions<S> },
  ) {
    this.rooms = rooms.map((ref) => ({
      ref,
      loaded: false,
      refusal: null,
      loadError: null,
      loadFailures: 0,
      inFlight: null,
      again: false,
      retry: null,
      told: undefined,
      heardAt: 0,
      silence: null,
      behind: null,
    }));
  }

  /** Starts (or, after `close`, starts again) listening and joining. */
  start(): void {
    this.closed = false;
    this.connectedBefore = false;
    this.unsubscribe.push(
      this.link.onConnect(() => this.connected()),
      this.link.onDisconnect(() => {
        this.epoch += 1;
        for (const room of this.rooms) {
          room.inFlight = null;
          this.stopListening(room);
        }
        this.set({ status: 'offline' });
      }),
      this.link.on('room:beacon', (beacon) => this.beacon(beacon)),
    );
    for (const event of Object.keys(this.options.events ?? {}) as (keyof ServerToClientEvents)[]) {
      this.unsubscribe.push(
        this.link.on(event, ((payload: never) => this.receive(event, payload)) as never),
      );
    }
    if (this.link.isConnected()) this.connected();
    else if (this.rooms.length === 0) this.set({ status: 'offline' });
  }

  /** Stops listening and leaves the rooms; the last state stays readable. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.epoch += 1;
    this.unsubscribe.splice(0).forEach((off) => off());
    for (const room of this.rooms) {
      room.inFlight = null;
      if (room.retry) clearTimeout(room.retry);
      room.retry = null;
      this.stopListening(room);
      if (this.link.isConnected()) this.link.leave(room.ref);
    }
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getView = (): LiveRoomView<S> => this.view;

  /** Sets the state from outside (e.g. an answer the app got before its live event). */
  update(change: (state: S | undefined) => S | undefined): void {
    this.set({ state: change(this.view.state) });
  }

  /** Starts from a state held before (e.g. by the rooms this one replaces). */
  seed(state: S | undefined): void {
    if (this.view.state === undefined && state !== undefined) this.set({ state });
  }

  /** Asks every room for a fresh snapshot. */
  resync(): void {
    for (const room of this.rooms) this.enter(room, 'resync');
  }

  private connected(): void {
    if (this.closed) return;
    this.epoch += 1;
    const rejoin = this.connectedBefore;
    this.connectedBefore = true;
    for (const room of this.rooms) {
      room.loaded = false;
      room.inFlight = null;
      room.loadError = null;
      room.loadFailures = 0;
      // The join below asks afresh; a retry set before the drop would only ask a second time.
      if (room.retry) clearTimeout(room.retry);
      room.retry = null;
    }
    this.set({ status: this.rooms.length === 0 ? 'live' : 'connecting' });
    for (const room of this.rooms) this.enter(room, 'join', rejoin);
  }

  private receive(event: keyof ServerToClientEvents, payload: unknown): void {
    if (this.closed) return;
    const handler = this.options.events?.[event] as LiveRoomHandler<S, unknown> | undefined;
    if (!handler) return;
    const state = this.view.state;
    if (!isVersioned(handler)) return this.step(handler(state, payload));
    const span = handler.span(payload);
    const { versionOf } = this.options;
    const version = state === undefined || !versionOf ? undefined : versionOf(state);
    if (!span || state === undefined || version === undefined || version === null) return;
    if (span.to <= version) return; // seen already
    if (span.from > version) return this.resync(); // one was lost: only a snapshot repairs that
    this.step(handler.apply(state, payload));
  }

  /**
   * A room's beacon: the room is heard from, and a state behind the database's version gets a
   * grace for a delta on its way, then a fresh snapshot.
   */
  private beacon(beacon: RoomBeacon): void {
    if (this.closed) return;
    const room = this.rooms.find((r) => r.ref.kind === beacon.kind && r.ref.id === beacon.id);
    if (!room) return;
    room.told = beacon.version;
    room.heardAt = Date.now();
    if (!room.silence) this.listenForSilence(room, beacon.everyMs * SILENT_AFTER_BEACONS);
    if (room.behind || !this.isBehind(room)) return;
    room.behind = setTimeout(
      () => {
        room.behind = null;
        if (this.isBehind(room)) this.enter(room, 'resync');
      },
      behindGraceMs(this.options.beaconGraceMs ?? BEACON_GRACE_MS),
    );
  }

  private isBehind(room: RoomTrack): boolean {
    if (room.inFlight !== null || (!room.loaded && !room.refusal)) return false;
    const { versionOf } = this.options;
    const state = this.view.state;
    // A refused room shows nothing: a beacon with a version means it may be shown again.
    const held = room.refusal
      ? null
      : state === undefined || !versionOf
        ? undefined
        : versionOf(state);
    return isBehind(held, room.told);
  }

  /**
   * A room quiet for `limitMs` (no beacon, no answer) is asked again, and again while it stays so,
   * each time a little later (`silenceWaitMs`).
   */
  private listenForSilence(
    room: RoomTrack,
    limitMs: number,
    waitMs = silenceWaitMs(limitMs, 0),
    unanswered = 0,
  ): void {
    room.silence = setTimeout(() => {
      const quietMs = Date.now() - room.heardAt;
      if (quietMs >= limitMs) {
        room.heardAt = Date.now();
        this.enter(room, 'resync');
        this.listenForSilence(
          room,
          limitMs,
          silenceWaitMs(limitMs, unanswered + 1),
          unanswered + 1,
        );
      } else this.listenForSilence(room, limitMs, silenceWaitMs(limitMs, 0) - quietMs);
    }, waitMs);
  }

  private stopListening(room: RoomTrack): void {
    if (room.silence) clearTimeout(room.silence);
    if (room.behind) clearTimeout(room.behind);
    room.silence = null;
    room.behind = null;
    room.told = undefined;
  }

  private step(step: LiveStep<S>): void {
    if (isResync(step)) {
      if (step.state !== undefined) this.set({ state: step.state });
      this.resync();
    } else if (step !== undefined) this.set({ state: step });
  }

  private enter(room: RoomTrack, event: 'join' | 'resync', rejoin = false): void {
    if (this.closed || !this.link.isConnected()) return;
    const epoch = this.epoch;
    if (room.inFlight === epoch) {
      room.again = true;
      return;
    }
    room.inFlight = epoch;
    room.again = false;
    const current = () => !this.closed && this.epoch === epoch;
    const timeoutMs = this.options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS;
    // Handled in the answer's own callback, so events sent after it are applied after it.
    this.link.request(event, room.ref, timeoutMs, (error, result) => {
      if (!current()) return;
      // The room did not answer: keep what is shown and ask again shortly.
      if (error || !result) return this.retryLater(room);
      if (!result.ok) {
        // Not a refusal of the room: the server failed, or had too many joins from this
        // connection (docs/design.md#limits-per-live-connection).
        if (result.key === 'errors.internal' || result.key === 'errors.tooManyRequests')
          return this.retryLater(room);
        room.inFlight = null;
        room.refusal = new LiveRoomRefusal(result.key, result.message);
        return this.settle();
      }
      let loaded: S | Promise<S>;
      try {
        loaded = this.options.load(
          { ...result, resync: event === 'resync', rejoin },
          this.view.state,
        );
      } catch (caught) {
        return this.loadFailed(room, caught);
      }
      // A load that answers at once builds on the state as it is now; one that waits (a REST
      // call) is applied when it answers.
      if (!(loaded instanceof Promise)) return this.loaded(room, loaded);
      loaded.then(
        (state) => current() && this.loaded(room, state),
        (caught: unknown) => current() && this.loadFailed(room, caught),
      );
    });
  }

  private loaded(room: RoomTrack, state: S): void {
    room.refusal = null;
    room.loaded = true;
    room.heardAt = Date.now();
    room.loadError = null;
    room.loadFailures = 0;
    this.view = { ...this.view, state };
    this.done(room);
  }

  /** The room stays in `error` with what its load threw, and is asked again after a backoff. */
  private loadFailed(room: RoomTrack, error: unknown): void {
    room.loadError = error;
    room.loadFailures += 1;
    this.done(room);
    if (room.inFlight !== null) return; // asked again already (`again`)
    const base = this.options.retryDelayMs ?? RETRY_DELAY_MS;
    this.retryLater(
      room,
      Math.min(base * 2 ** (room.loadFailures - 1), Math.max(base, MAX_LOAD_RETRY_DELAY_MS)),
    );
  }

  private done(room: RoomTrack): void {
    room.inFlight = null;
    this.settle();
    if (room.again) this.enter(room, 'resync');
  }

  private retryLater(room: RoomTrack, delayMs = this.options.retryDelayMs ?? RETRY_DELAY_MS): void {
    room.inFlight = null;
    if (room.retry) clearTimeout(room.retry);
    room.retry = setTimeout(() => {
      room.retry = null;
      this.enter(room, 'resync');
    }, delayMs);
  }

  private settle(): void {
    const refusal = this.rooms.find((room) => room.refusal)?.refusal;
    const failed = this.rooms.find((room) => room.loadError !== null);
    if (refusal || failed) this.set({ status: 'error', error: refusal ?? failed?.loadError });
    else if (this.rooms.every((room) => room.loaded)) this.set({ status: 'live', error: null });
    else this.set({});
  }

  private set(change: Partial<LiveRoomView<S>>): void {
    this.view = { ...this.view, ...change };
    for (const listener of this.listeners) listener();
  }
}
