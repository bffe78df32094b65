import type {
  AwardsState,
  DisplayHelloResult,
  PublicRun,
  RoomRef,
  StageSnapshot,
  StandingsSnapshot,
} from '@olympiad/contracts';
import { applyDelta, isNewer } from './standings-state';
import type { LiveTransport } from './live-transport';

export type LinkState = 'connecting' | 'online' | 'reconnecting';

export type CategoryView =
  | { status: 'joining'; standings?: StandingsSnapshot }
  | { status: 'live'; standings: StandingsSnapshot }
  | { status: 'refused'; key: string; message: string };

/** A field's run as the screen holds it; `offsetMs` turns local time into server time. */
export type FieldRun = PublicRun & { offsetMs: number };

export interface LiveState {
  link: LinkState;
  stage: StageSnapshot | null;
  categories: Readonly<Record<string, CategoryView>>;
  /** On the field now, by field id (published categories only; the server decides). */
  runs: Readonly<Record<string, FieldRun>>;
  /** Awards reveals of the stage, by category id: only the places revealed so far. */
  awards: Readonly<Record<string, AwardsState>>;
  /** Screens opened at /display: what the server says they are and should show. */
  display: DisplayHelloResult | null;
}

const REQUEST_TIMEOUT_MS = 5_000;
const RETRY_DELAY_MS = 2_000;

/**
 * Keeps a viewer's live state: the stage and the categories it watches, joined on every
 * (re)connect, snapshot first and deltas after, with a resync whenever a delta is missing.
 * While the link is down the last state stays on screen, marked by `link`.
 */
export class LiveStandingsClient {
  private state: LiveState = {
    link: 'connecting',
    stage: null,
    categories: {},
    runs: {},
    awards: {},
    display: null,
  };
  private displayId: { id: string; secret: string } | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly watched = new Set<string>();
  private readonly resyncing = new Set<string>();
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
      this.update({ link: 'online', runs: {} });
      if (this.displayId) void this.sayHello();
      if (this.stageId) void this.joinStage(this.stageId);
      for (const id of this.watched) void this.joinCategory(id, 'join');
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
      else runs[run.fieldId] = { ...run, offsetMs: Date.parse(run.serverNow) - Date.now() };
      this.update({ runs });
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
    transport.on('standings:snapshot', (snapshot) => {
      if (this.transport === transport) this.takeSnapshot(snapshot);
    });
    transport.on('standings:delta', (delta) => {
      const view = this.state.categories[delta.categoryId];
      if (
        this.transport !== transport ||
        !this.watched.has(delta.categoryId) ||
        view?.status !== 'live'
      )
        return;
      const outcome = applyDelta(view.standings, delta);
      if (outcome.kind === 'gap') void this.joinCategory(delta.categoryId, 'resync');
      if (outcome.kind === 'applied') {
        this.setCategory(delta.categoryId, { status: 'live', standings: outcome.standings });
        if (outcome.needsResync) void this.joinCategory(delta.categoryId, 'resync');
      }
    });
  }

  /** Closes the connection; the last state stays readable. */
  stop(): void {
    this.transport?.close();
    this.transport = null;
    this.resyncing.clear();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = (): LiveState => this.state;

  /** Follows a stage's summary (its categories and which are published). */
  watchStage(stageId: string, initial?: StageSnapshot): void {
    this.stageId = stageId;
    if (initial && !this.state.stage) this.update({ stage: initial });
    if (this.connected()) void this.joinStage(stageId);
  }

  /** Follows exactly these categories: joins the new ones, leaves the rest. */
  watchCategories(ids: readonly string[]): void {
    const wanted = new Set(ids);
    for (const id of [...this.watched]) {
      if (wanted.has(id)) continue;
      this.watched.delete(id);
      if (this.connected()) this.transport?.leave({ kind: 'category', id });
    }
    for (const id of wanted) {
      if (this.watched.has(id)) continue;
      this.watched.add(id);
      if (!this.state.categories[id]) this.setCategory(id, { status: 'joining' });
      if (this.connected()) void this.joinCategory(id, 'join');
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

  private async joinStage(stageId: string): Promise<void> {
    const transport = this.transport;
    if (!transport) return;
    try {
      const result = await transport.request(
        'join',
        { kind: 'stage', id: stageId },
        REQUEST_TIMEOUT_MS,
      );
      if (result.ok && result.stage && stageId === this.stageId)
        this.update({
          stage: result.stage,
          awards: Object.fromEntries((result.awards ?? []).map((a) => [a.categoryId, a])),
          // What is on the fields now, also after a Wi-Fi drop; a `run:public` meanwhile is newer.
          runs: {
            ...Object.fromEntries(
              (result.runs ?? []).map((run) => [
                run.fieldId,
                { ...run, offsetMs: Date.parse(run.serverNow) - Date.now() },
              ]),
            ),
            ...this.state.runs,
          },
        });
    } catch {
      // No answer: the stage summary from the page load stays; the next connect tries again.
    }
  }

  private async joinCategory(id: string, event: 'join' | 'resync'): Promise<void> {
    const transport = this.transport;
    if (!transport || this.resyncing.has(id)) return;
    this.resyncing.add(id);
    const room: RoomRef = { kind: 'category', id };
    try {
      const result = await transport.request(event, room, REQUEST_TIMEOUT_MS);
      if (!this.watched.has(id) || this.transport !== transport) return;
      if (!result.ok && result.key === 'errors.internal') {
        // A server hiccup, not a refusal: keep what is shown and ask again shortly.
        this.resyncing.delete(id);
        setTimeout(() => this.retry(id), RETRY_DELAY_MS);
        return;
      }
      if (!result.ok)
        this.setCategory(id, { status: 'refused', key: result.key, message: result.message });
      else if (result.standings) this.takeSnapshot(result.standings, true);
    } catch {
      this.resyncing.delete(id);
      if (this.transport === transport) setTimeout(() => this.retry(id), RETRY_DELAY_MS);
      return;
    }
    this.resyncing.delete(id);
  }

  private retry(id: string): void {
    if (this.watched.has(id) && this.connected()) void this.joinCategory(id, 'resync');
  }

  private takeSnapshot(snapshot: StandingsSnapshot, asked = false): void {
    if (!this.watched.has(snapshot.categoryId)) return;
    if (!snapshot.published) {
      // Withdrawn from publication: the server sends an empty table; say why instead.
      this.setCategory(snapshot.categoryId, {
        status: 'refused',
        key: 'live.notPublished',
        message: 'Not published',
      });
      return;
    }
    const view = this.state.categories[snapshot.categoryId];
    const held = view && view.status !== 'refused' ? view.standings : undefined;
    if (asked || isNewer(held, snapshot))
      this.setCategory(snapshot.categoryId, { status: 'live', standings: snapshot });
  }

  private setCategory(id: string, view: CategoryView): void {
    this.update({ categories: { ...this.state.categories, [id]: view } });
  }

  private update(change: Partial<LiveState>): void {
    this.state = { ...this.state, ...change };
    for (const listener of this.listeners) listener();
  }
}
