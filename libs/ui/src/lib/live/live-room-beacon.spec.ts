import type {
  JoinResult,
  RoomBeacon,
  RoomRef,
  ServerToClientEvents,
  StandingsDelta,
} from '@olympiad/contracts';
import { LiveRoom, type LiveLink } from './live-room';
import { isBehind, silenceWaitMs } from './room-beacon';

// docs/deploy.md#silent-rooms: what a room's beacon does to the state a client holds.

const CATEGORY = '7c0c2f1e-0000-4000-8000-000000000001';
const STAGE = '7c0c2f1e-0000-4000-8000-000000000002';
const category: RoomRef = { kind: 'category', id: CATEGORY };
const EVERY_MS = 1_000;
const GRACE_MS = 500;

type Answer = (event: 'join' | 'resync', room: RoomRef) => JoinResult;

/** A connected link that answers at once and lets the test push what the server would send. */
class ScriptedLink implements LiveLink {
  readonly requests: { event: 'join' | 'resync'; room: RoomRef }[] = [];
  private readonly handlers = new Map<string, ((payload: unknown) => void)[]>();
  constructor(public answer: Answer) {}
  onConnect = () => () => undefined;
  onDisconnect = () => () => undefined;
  on<E extends keyof ServerToClientEvents>(event: E, listener: ServerToClientEvents[E]) {
    const list = this.handlers.get(event) ?? [];
    list.push(listener as (payload: unknown) => void);
    this.handlers.set(event, list);
    return () => undefined;
  }
  request(
    event: 'join' | 'resync',
    room: RoomRef,
    _timeoutMs: number,
    answer: (error: Error | null, result?: JoinResult) => void,
  ) {
    this.requests.push({ event, room });
    answer(null, this.answer(event, room));
  }
  leave = () => undefined;
  isConnected = () => true;
  push<E extends keyof ServerToClientEvents>(
    event: E,
    payload: Parameters<ServerToClientEvents[E]>[0],
  ) {
    for (const handler of this.handlers.get(event) ?? []) handler(payload);
  }
  resyncs = () => this.requests.filter((request) => request.event === 'resync').length;
}

const beacon = (version: number | null | undefined, room: RoomRef = category): RoomBeacon => ({
  kind: room.kind,
  id: room.id,
  ...(version === undefined ? {} : { version }),
  everyMs: EVERY_MS,
});
const delta = (version: number): StandingsDelta => ({ categoryId: CATEGORY, version, changed: [] });

/** A category room holding a version: the database's version is `served`, answered on (re)join. */
function openCategory(start = 3, refuse = false) {
  const db = { version: start, published: !refuse };
  const link = new ScriptedLink((_event, room) =>
    db.published
      ? {
          ok: true,
          room,
          standings: {
            categoryId: CATEGORY,
            version: db.version,
            published: true,
            standings: { rows: [] },
            teams: {},
          },
        }
      : { ok: false, key: 'live.notPublished', message: 'not published' },
  );
  const room = new LiveRoom<number>(link, [category], {
    current: {
      load: (joined) => joined.standings?.version ?? 0,
      versionOf: (version) => version,
      beaconGraceMs: GRACE_MS,
      events: {
        'standings:delta': {
          span: (d) => ({ from: d.from ?? d.version - 1, to: d.version }),
          apply: (_held: number, d: StandingsDelta) => d.version,
        },
      },
    },
  });
  room.start();
  return { link, room, db, held: () => room.getView().state };
}

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

describe('isBehind', () => {
  it.each([
    [3, 4, true],
    [3, 3, false],
    [4, 3, false],
    [3, null, true],
    [null, null, false],
    [null, 0, true],
    [undefined, 4, false],
    [3, undefined, false],
  ] as const)('held %p, told %p → %p', (held, told, behind) => {
    expect(isBehind(held, told)).toBe(behind);
  });
});

describe('LiveRoom and its room beacons', () => {
  it('resyncs to the database version when a beacon is ahead and no delta comes in the grace', () => {
    const { link, db, held } = openCategory(3);
    db.version = 5; // two deltas the adapter never delivered
    link.push('room:beacon', beacon(5));
    expect(link.resyncs()).toBe(0);
    jest.advanceTimersByTime(2 * GRACE_MS);
    expect(link.resyncs()).toBe(1);
    expect(held()).toBe(5);
  });

  it('does nothing when the beacon says the version held', () => {
    const { link } = openCategory(3);
    link.push('room:beacon', beacon(3));
    jest.advanceTimersByTime(2 * GRACE_MS);
    link.push('room:beacon', beacon(3));
    jest.advanceTimersByTime(2 * EVERY_MS);
    expect(link.resyncs()).toBe(0);
  });

  it('does not resync when the delta the beacon announced arrives within the grace', () => {
    const { link, held } = openCategory(3);
    link.push('room:beacon', beacon(4));
    link.push('standings:delta', delta(4));
    jest.advanceTimersByTime(2 * GRACE_MS);
    expect(link.resyncs()).toBe(0);
    expect(held()).toBe(4);
  });

  it('resyncs a room that stays silent for three beacons, and again while it stays silent', () => {
    const { link } = openCategory(3);
    link.push('room:beacon', beacon(3));
    jest.advanceTimersByTime(3 * EVERY_MS - 1);
    expect(link.resyncs()).toBe(0);
    // Spread over half a limit more, then twice as long while the resync brings no answer.
    jest.advanceTimersByTime(1.5 * EVERY_MS + 1);
    expect(link.resyncs()).toBe(1);
    jest.advanceTimersByTime(9 * EVERY_MS);
    expect(link.resyncs()).toBe(2);
  });

  it('keeps a room that goes on beaconing, and never times one that has not sent a beacon', () => {
    const { link } = openCategory(3);
    jest.advanceTimersByTime(10 * EVERY_MS); // a server without beacons: as before
    for (let i = 0; i < 6; i += 1) {
      link.push('room:beacon', beacon(3));
      jest.advanceTimersByTime(2 * EVERY_MS);
    }
    expect(link.resyncs()).toBe(0);
  });

  it('resyncs when the results it shows were withdrawn (a null beacon), and again when they are back', () => {
    const { link, db, room } = openCategory(3);
    db.published = false;
    link.push('room:beacon', beacon(null));
    jest.advanceTimersByTime(2 * GRACE_MS);
    expect(link.resyncs()).toBe(1);
    expect(room.getView().status).toBe('error');
    link.push('room:beacon', beacon(null));
    jest.advanceTimersByTime(2 * GRACE_MS);
    expect(link.resyncs()).toBe(1);

    db.published = true;
    db.version = 4;
    link.push('room:beacon', beacon(4));
    jest.advanceTimersByTime(2 * GRACE_MS);
    expect(link.resyncs()).toBe(2);
    expect(room.getView()).toMatchObject({ status: 'live', state: 4 });
  });

  it('takes only the beacons of its own rooms, and a room without a version only as a sign of life', () => {
    const { link } = openCategory(3);
    link.push('room:beacon', beacon(9, { kind: 'category', id: STAGE }));
    link.push('room:beacon', beacon(undefined));
    jest.advanceTimersByTime(2 * GRACE_MS);
    expect(link.resyncs()).toBe(0);
  });
});

describe('silenceWaitMs', () => {
  it('spreads the wait over half a limit more, and doubles it after each unanswered resync up to 8×', () => {
    expect(silenceWaitMs(3000, 0, () => 0)).toBe(3000);
    expect(silenceWaitMs(3000, 0, () => 0.999)).toBe(4499);
    expect([1, 2, 3, 4, 10].map((resyncs) => silenceWaitMs(3000, resyncs, () => 0))).toEqual([
      6000, 12000, 24000, 24000, 24000,
    ]);
  });
});
