import { EventEmitter } from 'node:events';
import {
  LIVE_LIMITS,
  TokenBucket,
  capWriteBuffer,
  joinQuota,
  limitEvents,
  refuseJoin,
  type EngineConnection,
} from './socket-limits';

describe('TokenBucket', () => {
  it('gives its capacity at once, then tokens at its rate', () => {
    let now = 0;
    const bucket = new TokenBucket(3, 2, () => now);
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([
      true,
      true,
      true,
      false,
    ]);
    now = 499;
    expect(bucket.take()).toBe(false);
    now = 500;
    expect(bucket.take()).toBe(true);
    now = 100_000;
    expect(Array.from({ length: 4 }, () => bucket.take())).toEqual([true, true, true, false]);
  });
});

describe('refuseJoin', () => {
  const held = (count: number) =>
    new Map(Array.from({ length: count }, (_, i) => [`category:${i}`, `category:${i}:staff`]));

  it('lets a socket fill its rooms up to the limit, counting the rooms still being entered', () => {
    const quota = joinQuota(() => 0);
    expect(refuseJoin(quota, 'category:new', held(9), 10)).toBeNull();
    quota.entering = 1;
    expect(refuseJoin(quota, 'category:new', held(9), 10)).toMatchObject({
      ok: false,
      key: 'live.tooManyRooms',
    });
  });

  it('never counts a room the socket is in already (a resync)', () => {
    expect(
      refuseJoin(
        joinQuota(() => 0),
        'category:3',
        held(10),
        10,
      ),
    ).toBeNull();
  });

  it('refuses joins past the burst until the rate gives more', () => {
    let now = 0;
    const quota = joinQuota(() => now);
    for (let i = 0; i < LIVE_LIMITS.joinBurst; i++)
      expect(refuseJoin(quota, 'category:1', held(1))).toBeNull();
    expect(refuseJoin(quota, 'category:1', held(1))).toMatchObject({
      key: 'errors.tooManyRequests',
    });
    now = 1000 / LIVE_LIMITS.joinsPerSecond;
    expect(refuseJoin(quota, 'category:1', held(1))).toBeNull();
  });
});

class FakeConnection extends EventEmitter {
  transport?: { socket?: { bufferedAmount?: number; terminate?: () => void } };
  closed: boolean[] = [];
  close(discard?: boolean) {
    this.closed.push(discard === true);
  }
}

describe('capWriteBuffer', () => {
  const message = (bytes: number) => ({ data: 'x'.repeat(bytes), options: {} });

  it('drops a WebSocket whose queued packets and unsent bytes pass the limit, once', () => {
    const ws = { bufferedAmount: 300, terminate: jest.fn() };
    const conn = new FakeConnection();
    conn.transport = { socket: ws };
    const dropped: number[] = [];
    capWriteBuffer(conn as unknown as EngineConnection, (bytes) => dropped.push(bytes), 1000);
    conn.emit('packetCreate', message(400));
    conn.emit('packetCreate', message(300));
    expect(dropped).toEqual([]);
    conn.emit('packetCreate', {
      options: { wsPreEncodedFrame: [Buffer.alloc(2), Buffer.alloc(8)] },
    });
    expect(dropped).toEqual([1010]);
    conn.emit('packetCreate', message(400));
    expect(dropped).toEqual([1010]);
    expect(ws.terminate).toHaveBeenCalledTimes(1);
  });

  it('starts counting again once the queue went to the transport', () => {
    const conn = new FakeConnection();
    const dropped: number[] = [];
    capWriteBuffer(conn as unknown as EngineConnection, (bytes) => dropped.push(bytes), 1000);
    for (let i = 0; i < 10; i++) {
      conn.emit('packetCreate', message(600));
      conn.emit('flush');
    }
    expect(dropped).toEqual([]);
    conn.emit('packetCreate', message(600));
    conn.emit('packetCreate', message(600));
    expect(dropped).toEqual([1200]);
    // Long-polling has no WebSocket to end: the connection is closed, its buffer discarded.
    expect(conn.closed).toEqual([true]);
  });
});

describe('limitEvents', () => {
  it('passes events while the bucket has tokens, then disconnects the socket once', () => {
    const now = 0;
    const middlewares: ((event: unknown[], next: (error?: Error) => void) => void)[] = [];
    const socket = {
      use: (m: (typeof middlewares)[number]) => middlewares.push(m),
      disconnect: jest.fn(),
    };
    const floods: number[] = [];
    limitEvents(socket, () => floods.push(now), new TokenBucket(2, 1, () => now));
    const passed: number[] = [];
    for (let i = 0; i < 4; i++) middlewares[0](['nope'], () => passed.push(i));
    expect(passed).toEqual([0, 1]);
    expect(floods).toEqual([0]);
    expect(socket.disconnect).toHaveBeenCalledTimes(1);
    expect(socket.disconnect).toHaveBeenCalledWith(true);
  });
});
