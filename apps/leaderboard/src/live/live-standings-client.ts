import type {
  AwardsState,
  DisplayHelloResult,
  PublicRun,
  StageSnapshot,
  StandingsDelta,
  StandingsSnapshot,
  SumoClock,
} from '@olympiad/contracts';
import { isLiveRoomRefusal, LiveRoom, resync, type LiveRoomOptions } from '@olympiad/ui';
import { RunClockOffsets } from './run-clock-offsets';
import { applyDelta, isNewer } from './standings-state';
import type { LiveTransport } from './live-transport';

export type LinkState = 'connecting' | 'online' | 'reconnecting';

export type CategoryView =
  | { status: 'joining'; standings?: StandingsSnapshot }
  | { status: 'live'; standings: StandingsSnapshot }
  | { status: 'refused'; key: string; message: string };

/** A field's run as the screen holds it; `offsetMs` turns local time into server time. */
export type FieldRun = PublicRun & { offsetMs: number };

/** A ring's match clock as the screen holds it; `offsetMs` turns local time into server time. */
export type RingClock = SumoClock & { offsetMs: number };

export interface LiveState {
  link: LinkState;
  stage: StageSnapshot | null;
  categories: Readonly<Record<string, CategoryView>>;
  /** On the field now, by field id (published categories only; the server decides). */
  runs: Readonly<Record<string, FieldRun>>;
  /** Awards reveals of the stage, by category id: only the places revealed so far. */
  awards: Readonly<Record<string, AwardsState>>;
  /** Each sumo ring's match clock, by field id (published categories only; the server decides). */
  rings: Readonly<Record<string, RingClock>>;
  /** Screens opened at /display: what the server says they are and should show. */
  display: DisplayHelloResult | null;
}

const REQUEST_TIMEOUT_MS = 5_000;
const RETRY_DELAY_MS = 2_000;

/**
 * Keeps a viewer's live state: the stage and the categories it watches, each a `LiveRoom` joined
 * on every (re)connect, snapshot first and deltas after, with a resync whenever a delta is
 * missing. While the link is down the last state stays on screen, marked by `link`.
 */
export class LiveStandingsClient {
  private state: LiveState = {
    link: 'connecting',
    stage: null,
    categories: {},
    runs: {},
    awards: {},
    rings: {},
    display: null,
  };
  private displayId: { id: string; secret: string } | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly watched = new Set<string>();
  private readonly rooms = new Map<string, LiveRoom<CategoryView>>();
  private readonly runClocks = new RunClockOffsets();
  private stageRoom: { id: string; room: LiveRoom<true> } | null = null;
  private stageId: string | null = null;
  private transport: LiveTransport | null = null;

  constructor(private readonly makeTransport: () => LiveTransport) {}

  /** Opens the connection (again, after `stop`); what is watched is joined on every connect. */
  start(): void {
    if (this.transport) return;
    const transport = this.makeTransport();
    this.transport = transport;
    transport.onConnect(() => {
      if (this.transport !== transport) return;
      // A run seen before the link dropped may be long over: start the field strip afresh.
      this.update({ link: 'online', runs: {}, rings: {} });
      if (this.displayId) void this.sayHello();
    });
    transport.onDisconnect(() => {
      if (this.transport === transport) this.update({ link: 'reconnecting' });
    });
    transport.on('stage:snapshot', (stage) => {
      if (this.transport === transport && stage.stageId === this.stageId) this.update({ stage });
    });
    transport.on('run:public', (run) => {
      if (this.transport !== transport || run.stageId !== this.stageId) return;
      const runs = { ...this.state.runs };
      if (run.state === 'idle') delete runs[run.fieldId];
      else runs[run.fieldId] = { ...run, offsetMs: this.runClocks.offsetOf(run) };
      this.update({ runs });
    });
    transport.on('sumo:clock', (clock) => {
      if (this.transport === transport && clock.stageId === this.stageId)
        this.update({ rings: { ...this.state.rings, [clock.fieldId]: ringClock(clock) } });
    });
    transport.on('display:config', (config) => {
      const display = this.state.display;
      if (this.transport === transport && display?.ok)
        this.update({ display: { ...display, paired: true, code: null, config } });
    });
    transport.on('awards:state', (awards) => {
      if (this.transport === transport && awards.stageId === this.stageId)
        this.update({ awards: { ...this.state.awards, [awards.categoryId]: awards } });
    });
    if (this.stageId) this.openStage(this.stageId);
    for (const id of this.watched) this.openCategory(id);
  }

  /** Closes the connection; the last state stays readable. */
  stop(): void {
    this.stageRoom?.room.close();
    this.stageRoom = null;
    for (const room of this.rooms.values()) room.close();
    this.rooms.clear();
    this.transport?.close();
    this.transport = null;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = (): LiveState => this.state;

  /** Follows a stage's summary (its categories and which are published). */
  watchStage(stageId: string, initial?: StageSnapshot): void {
    if (initial && !this.state.stage) this.update({ stage: initial });
    this.stageId = stageId;
    if (!this.transport) return;
    if (this.stageRoom?.id === stageId) this.stageRoom.room.resync();
    else this.openStage(stageId);
  }

  /** Follows exactly these categories: joins the new ones, leaves the rest. */
  watchCategories(ids: readonly string[]): void {
    const wanted = new Set(ids);
    for (const id of [...this.watched]) {
      if (wanted.has(id)) continue;
      this.watched.delete(id);
      this.rooms.get(id)?.close();
      this.rooms.delete(id);
    }
    for (const id of wanted) {
      if (this.watched.has(id)) continue;
      this.watched.add(id);
      if (!this.state.categories[id]) this.setCategory(id, { status: 'joining' });
      if (this.transport) this.openCategory(id);
    }
  }

  /** This screen is a paired display: introduce it on every connect and follow its configuration. */
  identifyDisplay(id: string, secret: string): void {
    this.displayId = { id, secret };
    if (this.connected()) void this.sayHello();
  }

  private async sayHello(): Promise<void> {
    const transport = this.transport;
    const identity = this.displayId;
    if (!transport?.hello || !identity) return;
    try {
      const display = await transport.hello(identity.id, identity.secret, REQUEST_TIMEOUT_MS);
      if (this.transport === transport && this.displayId === identity) this.update({ display });
    } catch {
      if (this.transport === transport)
        setTimeout(() => this.connected() && this.sayHello(), RETRY_DELAY_MS);
    }
  }

  private connected(): boolean {
    return this.transport?.isConnected() ?? false;
  }

  private openStage(stageId: string): void {
    this.stageRoom?.room.close();
    const options: LiveRoomOptions<true> = {
      load: (joined) => {
        if (!joined.stage || stageId !== this.stageId) return true;
        this.update({
          stage: joined.stage,
          awards: Object.fromEntries((joined.awards ?? []).map((a) => [a.categoryId, a])),
          // What is on the fields now, also after a Wi-Fi drop; a `run:public` meanwhile is newer.
          runs: {
            ...Object.fromEntries(
              (joined.runs ?? []).map((run) => [
                run.fieldId,
                { ...run, offsetMs: this.runClocks.offsetOf(run) },
              ]),
            ),
            ...this.state.runs,
          },
          rings: {
            ...Object.fromEntries((joined.sumoClocks ?? []).map((c) => [c.fieldId, ringClock(c)])),
            ...this.state.rings,
          },
        });
        return true;
      },
    };
    this.stageRoom = { id: stageId, room: this.openRoom({ kind: 'stage', id: stageId }, options) };
  }

  /** A category's room: standings snapshot, then deltas in version order (docs/design.md#live-updates). */
  private openCategory(id: string): void {
    const options: LiveRoomOptions<CategoryView> = {
      // Withdrawn from publication: the public holds nothing of it, as its room's beacon says.
      versionOf: (view) =>
        view.status === 'live'
          ? view.standings.version
          : view.status === 'refused' && view.key === 'live.notPublished'
            ? null
            : undefined,
      load: (joined, current) =>
        (joined.standings && this.viewOf(joined.standings, current, true)) ??
        current ?? { status: 'joining' },
      events: {
        'standings:snapshot': (current, snapshot) =>
          snapshot.categoryId === id ? this.viewOf(snapshot, current, false) : undefined,
        'standings:delta': {
          span: (delta) =>
            delta.categoryId === id
              ? { from: delta.from ?? delta.version - 1, to: delta.version }
              : null,
          apply: (view: CategoryView, delta: StandingsDelta) => {
            if (view.status !== 'live') return undefined;
            const outcome = applyDelta(view.standings, delta);
            if (outcome.kind === 'gap') return resync<CategoryView>();
            if (outcome.kind === 'stale') return undefined;
            const next: CategoryView = { status: 'live', standings: outcome.standings };
            return outcome.needsResync ? resync(next) : next;
          },
        },
      },
    };
    const room = this.openRoom({ kind: 'category', id }, options, this.state.categories[id]);
    room.subscribe(() => {
      if (!this.watched.has(id)) return;
      const { status, state, error } = room.getView();
      if (status === 'error' && isLiveRoomRefusal(error))
        this.setCategory(id, { status: 'refused', key: error.key, message: error.message });
      else if (state && state !== this.state.categories[id]) this.setCategory(id, state);
    });
    this.rooms.set(id, room);
  }

  private openRoom<S>(
    ref: { kind: 'stage' | 'category'; id: string },
    options: LiveRoomOptions<S>,
    initial?: S,
  ): LiveRoom<S> {
    const room = new LiveRoom<S>(this.transport as LiveTransport, [ref], {
      current: { requestTimeoutMs: REQUEST_TIMEOUT_MS, retryDelayMs: RETRY_DELAY_MS, ...options },
    });
    room.seed(initial);
    room.start();
    return room;
  }

  /** What a snapshot (asked for, or pushed by the server) makes of a category's view; undefined: no change. */
  private viewOf(
    snapshot: StandingsSnapshot,
    current: CategoryView | undefined,
    asked: boolean,
  ): CategoryView | undefined {
    // Withdrawn from publication: the server sends an empty table; say why instead.
    if (!snapshot.published)
      return { status: 'refused', key: 'live.notPublished', message: 'Not published' };
    const held = current && current.status !== 'refused' ? current.standings : undefined;
    return asked || isNewer(held, snapshot) ? { status: 'live', standings: snapshot } : undefined;
  }

  private setCategory(id: string, view: CategoryView): void {
    this.update({ categories: { ...this.state.categories, [id]: view } });
  }

  private update(change: Partial<LiveState>): void {
    this.state = { ...this.state, ...change };
    for (const listener of this.listeners) listener();
  }
}

/** The offset is taken as the clock arrives, from the server's time it was sent at. */
function ringClock(clock: SumoClock): RingClock {
  return { ...clock, offsetMs: Date.parse(clock.serverNow) - Date.now() };
}
