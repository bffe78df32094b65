import type { JoinResult } from '@olympiad/contracts';

/**
 * What one live connection may hold and send (docs/design.md#limits-per-live-connection). The
 * numbers come from what the apps do: the console's day screen joins its stage, every field and
 * every category of the stage on one socket (about 40 rooms on a large republic stage), and a
 * client's largest message is a `run:arm` or `display:hello` of a few hundred bytes.
 */
export const LIVE_LIMITS = {
  /** Socket.IO `maxHttpBufferSize`: one WebSocket message, or one long-polling POST. */
  maxMessageBytes: 16 * 1024,
  /** Rooms one socket may be in at once. */
  maxRooms: 100,
  /** Joins and resyncs: a burst large enough for every room at (re)connect, then a steady rate. */
  joinBurst: 150,
  joinsPerSecond: 20,
  /** Every event a client sends; past it the socket is disconnected. */
  eventBurst: 300,
  eventsPerSecond: 100,
  /**
   * Bytes waiting to be sent to one client, beyond what the kernel's socket buffers hold; past it
   * the socket is dropped (it resyncs on reconnect). About six times the most an honest screen
   * gets at once: a console's join answers on a large stage (16 categories of 100 teams, about
   * 40 KB each).
   */
  maxBufferedBytes: 4 * 1024 * 1024,
} as const;

/** A token bucket: `take` succeeds while tokens are left; they come back at `perSecond`. */
export class TokenBucket {
  private tokens: number;
  private at: number;

  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = capacity;
    this.at = now();
  }

  take(): boolean {
    const now = this.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.at) / 1000) * this.perSecond);
    this.at = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/** A socket's joins: their rate, and the rooms being entered now (not yet in `held`). */
export interface JoinQuota {
  joins: TokenBucket;
  entering: number;
}

export function joinQuota(now: () => number = Date.now): JoinQuota {
  return {
    joins: new TokenBucket(LIVE_LIMITS.joinBurst, LIVE_LIMITS.joinsPerSecond, now),
    entering: 0,
  };
}

/**
 * Whether a join or resync of `room` may go on: null, or the refusal to answer. A room the socket
 * is in already never counts twice; rooms still being entered count, so a burst of joins cannot
 * pass the limit before their snapshots are built.
 */
export function refuseJoin(
  quota: JoinQuota,
  room: string,
  held: ReadonlyMap<string, unknown>,
  maxRooms: number = LIVE_LIMITS.maxRooms,
): Extract<JoinResult, { ok: false }> | null {
  if (!quota.joins.take())
    return {
      ok: false,
      key: 'errors.tooManyRequests',
      message: `At most ${LIVE_LIMITS.joinsPerSecond} joins a second after a burst of ${LIVE_LIMITS.joinBurst}`,
    };
  if (!held.has(room) && held.size + quota.entering >= maxRooms)
    return {
      ok: false,
      key: 'live.tooManyRooms',
      message: `A connection may be in at most ${maxRooms} rooms: leave one first`,
    };
  return null;
}

/** What of an Engine.IO connection the write-buffer cap reads. */
export interface EngineConnection {
  on(event: 'packetCreate', listener: (packet: OutgoingPacket) => void): unknown;
  on(event: 'flush', listener: () => void): unknown;
  readonly transport?: { socket?: { bufferedAmount?: number; terminate?: () => void } };
  close(discard?: boolean): unknown;
}

interface OutgoingPacket {
  data?: string | { byteLength: number };
  options?: { wsPreEncodedFrame?: { byteLength: number }[] };
}

/**
 * Drops a connection whose unsent bytes pass `maxBytes`. A client that stops reading leaves the
 * WebSocket's last write unfinished, and Engine.IO keeps every later packet in its write buffer
 * until it is: without a cap that buffer grows with every delta of the client's rooms for as long
 * as the client answers pings (it may answer them blind). Counted per packet as it is queued,
 * from the frame a broadcast encoded once, so a broadcast costs no extra encoding per viewer.
 */
export function capWriteBuffer(
  conn: EngineConnection,
  onDrop: (bufferedBytes: number) => void,
  maxBytes: number = LIVE_LIMITS.maxBufferedBytes,
): void {
  let queued = 0;
  let dropped = false;
  conn.on('flush', () => {
    queued = 0;
  });
  conn.on('packetCreate', (packet) => {
    if (dropped) return;
    queued += packetBytes(packet);
    const buffered = queued + (conn.transport?.socket?.bufferedAmount ?? 0);
    if (buffered <= maxBytes) return;
    dropped = true;
    onDrop(buffered);
    // A peer that reads nothing would never see a close frame: end the TCP connection itself.
    const ws = conn.transport?.socket;
    if (typeof ws?.terminate === 'function') ws.terminate();
    else conn.close(true);
  });
}

function packetBytes(packet: OutgoingPacket): number {
  const frame = packet.options?.wsPreEncodedFrame;
  if (frame) return frame.reduce((sum, part) => sum + part.byteLength, 0);
  const data = packet.data;
  if (data === undefined) return 1;
  return typeof data === 'string' ? data.length : data.byteLength;
}

/** What of a Socket.IO socket the event limit takes. */
export interface EventSource {
  use(middleware: (event: unknown[], next: (error?: Error) => void) => void): unknown;
  disconnect(close?: boolean): unknown;
}

/**
 * Disconnects a socket sending more events than `LIVE_LIMITS` allow, whatever their name (an
 * unknown event still costs parsing). The event past the limit is not handled.
 */
export function limitEvents(
  socket: EventSource,
  onFlood: () => void,
  bucket: TokenBucket = new TokenBucket(LIVE_LIMITS.eventBurst, LIVE_LIMITS.eventsPerSecond),
): void {
  let flooded = false;
  socket.use((_event, next) => {
    if (bucket.take()) return next();
    if (flooded) return;
    flooded = true;
    onFlood();
    socket.disconnect(true);
  });
}
