import type {
  ClientToServerEvents,
  JoinResult,
  ServerToClientEvents,
  StandingsDelta,
  StandingsSnapshot,
} from '@olympiad/contracts';
import { io, type Socket } from 'socket.io-client';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * A staff viewer of one category's standings, as the leaderboard holds them: deltas applied in
 * version order, a version already held dropped, a gap repaired by joining again (a fresh snapshot
 * from the database), and a join after every (re)connect. For the suites with several replicas.
 */
export class StandingsViewer {
  standings?: StandingsSnapshot;
  /** The versions reached through deltas, in order. */
  readonly applied: number[] = [];
  gaps = 0;
  connects = 0;
  private waiters: (() => void)[] = [];
  private readonly socket: Client;

  private constructor(
    url: string,
    token: string,
    private readonly categoryId: string,
    reconnection: boolean,
  ) {
    this.socket = io(url, {
      transports: ['websocket'],
      auth: { token },
      reconnection,
      reconnectionDelay: 100,
      reconnectionDelayMax: 500,
    });
    this.socket.on('connect', () => {
      this.connects += 1;
      void this.join();
    });
    this.socket.on('standings:delta', (delta) => void this.onDelta(delta));
  }

  /** Connected and holding its first snapshot; `reconnection` as a browser tab does (on by default). */
  static async open(
    url: string,
    token: string,
    categoryId: string,
    options: { reconnection?: boolean } = {},
  ): Promise<StandingsViewer> {
    const viewer = new StandingsViewer(url, token, categoryId, options.reconnection ?? true);
    await new Promise<void>((resolve, reject) => {
      viewer.socket.once('connect_error', reject);
      viewer.waiters.push(() => resolve());
    });
    return viewer;
  }

  /** The standings held; throws while none came. */
  get current(): StandingsSnapshot {
    if (!this.standings) throw new Error('the viewer holds no standings yet');
    return this.standings;
  }

  /** Resolves once the viewer holds `version` (through deltas or a join). */
  reach(version: number): Promise<void> {
    return new Promise((resolve) => {
      const check = () => {
        if ((this.standings?.version ?? -1) < version) return false;
        resolve();
        return true;
      };
      if (!check()) this.waiters.push(() => void check());
    });
  }

  close(): void {
    this.socket.close();
  }

  private async join(): Promise<void> {
    const joined = await new Promise<JoinResult>((resolve) =>
      this.socket.emit('join', { kind: 'category', id: this.categoryId }, resolve),
    );
    if (!joined.ok || !joined.standings) throw new Error(`join refused: ${JSON.stringify(joined)}`);
    this.standings = joined.standings;
    this.notify();
  }

  private async onDelta(delta: StandingsDelta): Promise<void> {
    const held = this.standings;
    if (!held || delta.categoryId !== this.categoryId || delta.version <= held.version) return;
    if ((delta.from ?? delta.version - 1) > held.version) {
      this.gaps += 1;
      return this.join();
    }
    const changed = new Map(delta.changed.map((row) => [row.teamId, row]));
    const rows = held.standings.rows.map((row) => changed.get(row.teamId) ?? row);
    this.standings = { ...held, version: delta.version, standings: { ...held.standings, rows } };
    this.applied.push(delta.version);
    this.notify();
  }

  private notify(): void {
    const waiters = this.waiters;
    this.waiters = [];
    waiters.forEach((waiter) => waiter());
  }
}

/** Each team's place, by team. */
export const placesOf = (snapshot: StandingsSnapshot) =>
  Object.fromEntries(snapshot.standings.rows.map((row) => [row.teamId, row.place]));
