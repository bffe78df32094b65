import type {
  ClientToServerEvents,
  JoinResult,
  ServerToClientEvents,
  StandingsDelta,
  StandingsSnapshot,
} from '@olympiad/contracts';
import { io, type Socket } from 'socket.io-client';
/* eslint-disable @nx/enforce-module-boundaries -- the screens' own live room and delta rule, not copies that could drift */
import { applyDelta } from '../../apps/leaderboard/src/live/standings-state';
import { LiveRoom, socketLink, type LiveLink } from '../../libs/ui/src/lib/live/live-room';
/* eslint-enable @nx/enforce-module-boundaries */

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

/**
 * A viewer on the screens' own live client: `LiveRoom` (libs/ui) with the leaderboard's
 * `applyDelta`, so it repairs a gap, a beacon ahead of it and a silent room as a screen does
 * (docs/deploy.md#silent-rooms). It records each delta version it applied and each resync asked.
 */
export class LiveClientViewer {
  /** The versions reached through deltas, in the order applied. */
  readonly applied: number[] = [];
  resyncs = 0;
  private readonly socket: Client;
  private readonly room: LiveRoom<StandingsSnapshot>;

  private constructor(url: string, token: string | undefined, categoryId: string) {
    this.socket = io(url, {
      transports: ['websocket'],
      auth: token ? { token } : {},
      reconnectionDelay: 100,
      reconnectionDelayMax: 500,
    });
    const link = socketLink(this.socket);
    const counted: LiveLink = {
      ...link,
      request: (event, room, timeoutMs, answer) => {
        if (event === 'resync') this.resyncs += 1;
        link.request(event, room, timeoutMs, answer);
      },
    };
    this.room = new LiveRoom<StandingsSnapshot>(counted, [{ kind: 'category', id: categoryId }], {
      current: {
        load: (joined, held) =>
          joined.standings ?? held ?? Promise.reject(new Error('no standings')),
        versionOf: (held) => held.version,
        events: {
          'standings:snapshot': (held, snapshot) =>
            snapshot.categoryId === categoryId && (!held || snapshot.version >= held.version)
              ? snapshot
              : undefined,
          'standings:delta': {
            span: (delta) =>
              delta.categoryId === categoryId
                ? { from: delta.from ?? delta.version - 1, to: delta.version }
                : null,
            apply: (held: StandingsSnapshot, delta: StandingsDelta) => {
              const outcome = applyDelta(held, delta);
              if (outcome.kind !== 'applied') return undefined;
              this.applied.push(delta.version);
              return outcome.standings;
            },
          },
        },
      },
    });
    this.room.start();
  }

  /** Connected and holding its first snapshot. No token: a public viewer. */
  static async open(url: string, token: string | undefined, categoryId: string) {
    const viewer = new LiveClientViewer(url, token, categoryId);
    await viewer.reach(0);
    return viewer;
  }

  get current(): StandingsSnapshot {
    const held = this.room.getView().state;
    if (!held) throw new Error('the viewer holds no standings yet');
    return held;
  }

  /** Resolves once the viewer holds `version`, however it got there. */
  reach(version: number): Promise<void> {
    return new Promise((resolve) => {
      const check = () => {
        if ((this.room.getView().state?.version ?? -1) < version) return;
        stop();
        resolve();
      };
      const stop = this.room.subscribe(check);
      check();
    });
  }

  close(): void {
    this.room.close();
    this.socket.close();
  }
}
