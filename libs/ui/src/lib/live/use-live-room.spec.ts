/**
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
// The server and client are Node's Socket.IO builds; React renders the hook in jsdom.
import type {
  ClientToServerEvents,
  JoinResult,
  RoomRef,
  ServerToClientEvents,
  StandingsDelta,
  StandingsSnapshot,
} from '@olympiad/contracts';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { act, renderHook } from '@testing-library/react';
import { Server, type Socket as ServerSocket } from 'socket.io';
import { io } from 'socket.io-client';
import { resync, type LiveSocket } from './live-room';
import { useLiveRoom } from './use-live-room';

// A real Socket.IO server on a loopback port, speaking the live room protocol for one category.
type Held = { version: number; rows: string[] };

interface Venue {
  url: string;
  io: Server<ClientToServerEvents, ServerToClientEvents>;
  requests: { event: 'join' | 'resync'; room: RoomRef }[];
  /** What the server answers a join or resync with. */
  serve: { version: number; rows: string[] };
  /** When false, joins go unanswered (a silent room). */
  answering: boolean;
  /** Sent to the room right after the answer, as a score recorded meanwhile would be. */
  afterJoin: Parameters<ServerToClientEvents['standings:delta']>[0] | null;
  sockets: ServerSocket[];
  close(): Promise<void>;
}

const CATEGORY = '7c0c2f1e-0000-4000-8000-000000000001';
const room: RoomRef = { kind: 'category', id: CATEGORY };

const snapshot = (version: number, rows: string[]): StandingsSnapshot => ({
  categoryId: CATEGORY,
  version,
  published: true,
  standings: {
    rows: rows.map((teamId, index) => ({
      teamId,
      place: index + 1,
      status: 'ranked',
      primary: null,
      display: '',
      detail: {},
    })),
  },
  teams: {},
});

async function startVenue(): Promise<Venue> {
  const http: HttpServer = createServer();
  const server = new Server<ClientToServerEvents, ServerToClientEvents>(http);
  const venue: Venue = {
    url: '',
    io: server,
    requests: [],
    serve: { version: 3, rows: ['a', 'b'] },
    answering: true,
    afterJoin: null,
    sockets: [],
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  server.on('connection', (socket) => {
    venue.sockets.push(socket);
    const enter =
      (event: 'join' | 'resync') => (ref: RoomRef, ack: (result: JoinResult) => void) => {
        venue.requests.push({ event, room: ref });
        if (!venue.answering) return;
        void socket.join(`${ref.kind}:${ref.id}`);
        ack({
          ok: true,
          room: ref,
          standings: { ...snapshot(venue.serve.version, venue.serve.rows), categoryId: ref.id },
        });
        if (venue.afterJoin) socket.emit('standings:delta', venue.afterJoin);
      };
    socket.on('join', enter('join'));
    socket.on('resync', enter('resync'));
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  venue.url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  return venue;
}

const toHeld = (standings: StandingsSnapshot): Held => ({
  version: standings.version,
  rows: standings.standings.rows.map((row) => row.teamId),
});

/** Renders the hook as a screen would: a category room whose deltas carry versions. */
function mount(
  socket: LiveSocket,
  requestTimeoutMs?: number,
  { failLoads = 0, retryDelayMs = 10 } = {},
) {
  const loads: { resync: boolean; rejoin: boolean }[] = [];
  let failing = failLoads;
  const hook = renderHook(() =>
    useLiveRoom<Held>(socket, room, {
      load: (joined) => {
        loads.push({ resync: joined.resync, rejoin: joined.rejoin });
        if (!joined.standings) throw new Error('no standings in the answer');
        if (failing > 0) {
          failing -= 1;
          throw new Error('the results could not be loaded');
        }
        return toHeld(joined.standings);
      },
      versionOf: (held) => held.version,
      requestTimeoutMs,
      retryDelayMs,
      events: {
        'standings:delta': {
          span: (delta) =>
            delta.categoryId === CATEGORY
              ? { from: delta.from ?? delta.version - 1, to: delta.version }
              : null,
          apply: (held: Held, delta: StandingsDelta) => ({
            version: delta.version,
            rows: [...held.rows, ...delta.changed.map((row) => row.teamId)],
          }),
        },
        'standings:snapshot': (held, pushed) =>
          pushed.categoryId === CATEGORY && (!held || pushed.version > held.version)
            ? resync()
            : undefined,
      },
    }),
  );
  return { seen: hook.result, loads, unmount: hook.unmount };
}

const OTHER = '7c0c2f1e-0000-4000-8000-000000000002';

/** Two category rooms feeding one state; `failing` names the rooms whose load throws for now. */
function mountTwo(socket: LiveSocket, failing: Set<string>) {
  const loads: string[] = [];
  const hook = renderHook(() =>
    useLiveRoom<Record<string, Held>>(socket, [room, { kind: 'category', id: OTHER }], {
      load: (joined, current) => {
        const standings = joined.standings;
        if (!standings) throw new Error('no standings in the answer');
        loads.push(standings.categoryId);
        if (failing.has(standings.categoryId))
          throw new Error(`${standings.categoryId} could not be loaded`);
        return { ...current, [standings.categoryId]: toHeld(standings) };
      },
      retryDelayMs: 10,
      events: {
        'standings:snapshot': (held, pushed) =>
          (held?.[pushed.categoryId]?.version ?? -1) < pushed.version ? resync() : undefined,
      },
    }),
  );
  return { seen: hook.result, loads, unmount: hook.unmount };
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await act(() => new Promise((resolve) => setTimeout(resolve, 5)));
}

const delta = (version: number, teamId: string, from?: number) => ({
  categoryId: CATEGORY,
  version,
  ...(from === undefined ? {} : { from }),
  changed: [
    { teamId, place: null, status: 'not-scored' as const, primary: null, display: '', detail: {} },
  ],
});

describe('useLiveRoom against a real Socket.IO server', () => {
  let venue: Venue;
  let socket: LiveSocket;

  beforeEach(async () => {
    venue = await startVenue();
    socket = io(venue.url, {
      transports: ['websocket'],
      reconnectionDelay: 10,
      reconnectionDelayMax: 20,
    });
  });

  afterEach(async () => {
    socket.disconnect();
    await venue.close();
  });

  it('joins the room on connect and shows its snapshot as live', async () => {
    const { seen, unmount } = mount(socket);
    expect(seen.current?.status).toBe('connecting');
    await until(() => seen.current?.status === 'live');
    expect(venue.requests).toEqual([{ event: 'join', room }]);
    expect(seen.current?.state).toEqual({ version: 3, rows: ['a', 'b'] });
    unmount();
  });

  it('applies deltas in version order and drops one it has seen', async () => {
    const { seen, unmount } = mount(socket);
    await until(() => seen.current?.status === 'live');
    venue.io.to(`category:${CATEGORY}`).emit('standings:delta', delta(4, 'c'));
    venue.io.to(`category:${CATEGORY}`).emit('standings:delta', delta(4, 'c'));
    venue.io.to(`category:${CATEGORY}`).emit('standings:delta', delta(6, 'd', 4));
    await until(() => seen.current?.state?.version === 6);
    expect(seen.current?.state?.rows).toEqual(['a', 'b', 'c', 'd']);
    expect(venue.requests.map((request) => request.event)).toEqual(['join']);
    unmount();
  });

  it('applies a delta sent right after the join answer on top of that answer', async () => {
    venue.afterJoin = delta(4, 'c');
    const { seen, unmount } = mount(socket);
    await until(() => venue.requests.length === 1 && seen.current?.status === 'live');
    venue.afterJoin = null;
    venue.io.to(`category:${CATEGORY}`).emit('standings:delta', delta(5, 'd'));
    await until(() => seen.current?.state?.version === 5);
    expect(seen.current?.state?.rows).toEqual(['a', 'b', 'c', 'd']);
    expect(venue.requests.map((request) => request.event)).toEqual(['join']);
    unmount();
  });

  it('resyncs from the snapshot when a version is missing', async () => {
    const { seen, loads, unmount } = mount(socket);
    await until(() => seen.current?.status === 'live');
    venue.serve = { version: 5, rows: ['b', 'a', 'e'] };
    venue.io.to(`category:${CATEGORY}`).emit('standings:delta', delta(5, 'e'));
    await until(() => seen.current?.state?.version === 5);
    expect(venue.requests).toEqual([
      { event: 'join', room },
      { event: 'resync', room },
    ]);
    expect(seen.current?.state?.rows).toEqual(['b', 'a', 'e']);
    expect(loads.at(-1)).toEqual({ resync: true, rejoin: false });
    unmount();
  });

  it('asks again when the room does not answer', async () => {
    venue.answering = false;
    const { seen, unmount } = mount(socket, 50);
    await until(() => venue.requests.length === 1);
    expect(seen.current?.status).toBe('connecting');
    venue.answering = true;
    await until(() => seen.current?.status === 'live');
    expect(venue.requests.map((request) => request.event)).toEqual(['join', 'resync']);
    unmount();
  });

  it('shows offline when the link drops and joins again after the reconnect', async () => {
    const { seen, loads, unmount } = mount(socket);
    await until(() => seen.current?.status === 'live');
    venue.serve = { version: 9, rows: ['z'] };
    venue.sockets[0].conn.close();
    await until(() => seen.current?.status === 'offline');
    expect(seen.current?.state).toEqual({ version: 3, rows: ['a', 'b'] });
    await until(() => seen.current?.status === 'live');
    expect(venue.requests.map((request) => request.event)).toEqual(['join', 'join']);
    expect(seen.current?.state).toEqual({ version: 9, rows: ['z'] });
    expect(loads.at(-1)).toEqual({ resync: false, rejoin: true });
    unmount();
  });

  it('shows a refusal as an error with its key', async () => {
    venue.io.removeAllListeners('connection');
    venue.io.on('connection', (server) => {
      server.on('join', (_ref, ack) =>
        ack({ ok: false, key: 'errors.forbidden', message: 'Not yours' }),
      );
    });
    const { seen, unmount } = mount(socket);
    await until(() => seen.current?.status === 'error');
    expect(seen.current?.error).toEqual({ key: 'errors.forbidden', message: 'Not yours' });
    unmount();
  });
  it('loads again after a load that failed, without a reconnect', async () => {
    const { seen, loads, unmount } = mount(socket, undefined, { failLoads: 1 });
    await until(() => seen.current?.status === 'error');
    expect(seen.current?.error).toEqual(new Error('the results could not be loaded'));
    await until(() => seen.current?.status === 'live');
    expect(seen.current?.state).toEqual({ version: 3, rows: ['a', 'b'] });
    expect(venue.requests.map((request) => request.event)).toEqual(['join', 'resync']);
    expect(loads).toEqual([
      { resync: false, rejoin: false },
      { resync: true, rejoin: false },
    ]);
    expect(venue.sockets).toHaveLength(1);
    unmount();
  });

  it("keeps one room's failed load as the error while another room loads", async () => {
    const failing = new Set<string>();
    const { seen, loads, unmount } = mountTwo(socket, failing);
    await until(() => seen.current?.status === 'live');
    failing.add(CATEGORY);
    // A newer snapshot announced: both rooms resync; the first fails, the second loads after it.
    const before = loads.filter((id) => id === OTHER).length;
    venue.io.to(`category:${CATEGORY}`).emit('standings:snapshot', snapshot(4, ['a']));
    await until(() => loads.filter((id) => id === OTHER).length > before);
    expect(seen.current?.status).toBe('error');
    expect(seen.current?.error).toEqual(new Error(`${CATEGORY} could not be loaded`));
    failing.delete(CATEGORY);
    await until(() => seen.current?.status === 'live');
    expect(seen.current?.error).toBeNull();
    expect(venue.sockets).toHaveLength(1);
    unmount();
  });

  it('does not resync after a reconnect for a retry asked for before the drop', async () => {
    const retryDelayMs = 200;
    let answers = 0;
    let answered = false;
    venue.io.removeAllListeners('connection');
    venue.io.on('connection', (server) => {
      venue.sockets.push(server);
      const enter =
        (event: 'join' | 'resync') => (ref: RoomRef, ack: (result: JoinResult) => void) => {
          venue.requests.push({ event, room: ref });
          answers += 1;
          if (answers > 1) return ack({ ok: true, room: ref, standings: snapshot(3, ['a']) });
          // A server error: the client asks again after retryDelayMs. The event after the
          // answer tells the test that the client has taken the answer (and set its retry).
          ack({ ok: false, key: 'errors.internal', message: 'try again' });
          server.emit('run:state', {} as never);
        };
      server.on('join', enter('join'));
      server.on('resync', enter('resync'));
    });
    socket.on('run:state', () => (answered = true));
    const { seen, unmount } = mount(socket, undefined, { retryDelayMs });
    await until(() => answered);
    venue.sockets[0].conn.close();
    await until(() => seen.current?.status === 'live' && venue.sockets.length === 2);
    // Timers of one length fire in the order they were set: by the end of this wait, the retry
    // set before the drop would have fired; the join after it shows its request has arrived.
    await act(() => new Promise((resolve) => setTimeout(resolve, retryDelayMs)));
    await socket.emitWithAck('join', { kind: 'category', id: OTHER });
    expect(
      venue.requests.filter((request) => request.room.id === CATEGORY).map((r) => r.event),
    ).toEqual(['join', 'join']);
    unmount();
  });
});
