import type { JoinResult, RoomRef, ServerToClientEvents } from '@olympiad/contracts';
import { LiveRoom, type LiveLink } from './live-room';

// docs/design.md#limits-per-live-connection: a server that has had too many joins from this
// connection answers `errors.tooManyRequests`; that is "not now", not a refusal of the room.

const room: RoomRef = { kind: 'category', id: '7c0c2f1e-0000-4000-8000-000000000001' };
const RETRY_MS = 2_000;

/** A connected link whose answers the test scripts, one per request. */
function scriptedLink(answers: JoinResult[]): LiveLink & { requests: number } {
  const link = {
    requests: 0,
    onConnect: () => () => undefined,
    onDisconnect: () => () => undefined,
    on:
      <E extends keyof ServerToClientEvents>(_event: E, _listener: ServerToClientEvents[E]) =>
      () =>
        undefined,
    request: (
      _event: 'join' | 'resync',
      _room: RoomRef,
      _timeoutMs: number,
      answer: (error: Error | null, result?: JoinResult) => void,
    ) => {
      const result = answers[Math.min(link.requests, answers.length - 1)];
      link.requests += 1;
      answer(null, result);
    },
    leave: () => undefined,
    isConnected: () => true,
  };
  return link;
}

const ok: JoinResult = {
  ok: true,
  room,
  standings: {
    categoryId: room.id,
    version: 4,
    published: true,
    standings: { rows: [] },
    teams: {},
  },
};

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

describe('LiveRoom answered "too many requests"', () => {
  it('asks again after the retry delay and goes live, showing no error meanwhile', () => {
    const link = scriptedLink([
      { ok: false, key: 'errors.tooManyRequests', message: 'At most 20 joins a second' },
      ok,
    ]);
    const live = new LiveRoom<number>(link, [room], {
      current: { load: (joined) => joined.standings?.version ?? 0, retryDelayMs: RETRY_MS },
    });
    live.start();
    expect(live.getView()).toMatchObject({ status: 'connecting', error: null });
    jest.advanceTimersByTime(RETRY_MS);
    expect(link.requests).toBe(2);
    expect(live.getView()).toMatchObject({ status: 'live', state: 4, error: null });
    live.close();
  });

  it('still shows a room the server will not hold as a refusal', () => {
    const link = scriptedLink([
      { ok: false, key: 'live.tooManyRooms', message: 'leave one first' },
    ]);
    const live = new LiveRoom<number>(link, [room], {
      current: { load: () => 0, retryDelayMs: RETRY_MS },
    });
    live.start();
    jest.advanceTimersByTime(RETRY_MS * 3);
    expect(link.requests).toBe(1);
    expect(live.getView()).toMatchObject({ status: 'error', error: { key: 'live.tooManyRooms' } });
    live.close();
  });
});
