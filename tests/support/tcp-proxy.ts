import * as net from 'node:net';
import { performance } from 'node:perf_hooks';

/**
 * A TCP proxy on loopback that tests and benchmarks put between two real servers (a regional venue
 * and the republic server, docs/federation.md) to make the link slow, narrow, or broken mid-stream.
 *
 * Each direction is a pipe: bytes read from the source pass a token-bucket throttle, then a delay
 * line, then are written to the destination in the order they were read. The source is paused while
 * the destination's write buffer is full or the pipe itself holds more than PIPE_HIGH_WATER bytes.
 */

export interface TcpProxySettings {
  /** One-way delay added to every chunk in each direction, in ms (a round trip gains twice this). */
  latencyMs: number;
  /** Per-direction throughput limit in bytes per second (> 0); null = unlimited. */
  bandwidth: number | null;
}

export interface TcpProxyOptions extends Partial<TcpProxySettings> {
  target: { host: string; port: number };
  /** Default 0: a free port. */
  listenPort?: number;
}

export interface TcpProxyStats {
  /** Bytes delivered to the target (client → server). */
  bytesUp: number;
  /** Bytes delivered to the clients (server → client). */
  bytesDown: number;
  /** Connections accepted since start (refused ones during cut() included). */
  connections: number;
  /** Connections open now. */
  open: number;
  /** Bytes read from one side and not yet written to the other, over all connections. */
  queued: number;
}

export interface TcpProxy {
  /** The loopback port the proxy listens on. */
  readonly port: number;
  setLatency(ms: number): void;
  setBandwidth(bytesPerSecond: number | null): void;
  /** The current latency and bandwidth, to build another proxy that behaves the same. */
  settings(): TcpProxySettings;
  /** Destroys every open connection (both sides) and refuses new ones until restore(). */
  cut(): void;
  restore(): void;
  /**
   * One-shot: once `bytes` more bytes have been delivered client → server (over all connections),
   * every open connection is destroyed; the target receives exactly `bytes` of them.
   */
  dropAfter(bytes: number): void;
  stats(): TcpProxyStats;
  close(): Promise<void>;
}

/** Above this many bytes held inside one pipe its source is paused. */
const PIPE_HIGH_WATER = 256 * 1024;
/** The throttle releases at most this fraction of a second's worth of bytes at once, so big writes are paced. */
const BURST_SECONDS = 1 / 16;

/** Shared by all connections of one proxy in one direction, as one physical link would be. */
class TokenBucket {
  private tokens = 0;
  private last = performance.now();

  constructor(private rate: number | null) {
    this.tokens = this.capacity();
  }

  setRate(rate: number | null): void {
    this.refill();
    this.rate = rate;
    this.tokens = Math.min(this.tokens, this.capacity());
  }

  /** Takes up to `wanted` bytes; returns how many were granted (0 = wait `waitMs()`). */
  take(wanted: number): number {
    if (this.rate === null) return wanted;
    this.refill();
    const granted = Math.min(wanted, Math.floor(this.tokens));
    this.tokens -= granted;
    return granted;
  }

  /** Milliseconds until `wanted` bytes (capped at one burst) are available. */
  waitMs(wanted: number): number {
    if (this.rate === null) return 0;
    const needed = Math.min(wanted, this.capacity()) - this.tokens;
    return Math.max(1, Math.ceil((needed / this.rate) * 1000));
  }

  private capacity(): number {
    return this.rate === null ? Infinity : Math.max(1, Math.floor(this.rate * BURST_SECONDS));
  }

  private refill(): void {
    const now = performance.now();
    if (this.rate !== null)
      this.tokens = Math.min(this.capacity(), this.tokens + ((now - this.last) / 1000) * this.rate);
    this.last = now;
  }
}

interface Link {
  bucket(direction: 'up' | 'down'): TokenBucket;
  latencyMs(): number;
  /** Called before bytes are written to the destination; returns how many may go (dropAfter). */
  allow(direction: 'up' | 'down', bytes: number): number;
  delivered(direction: 'up' | 'down', bytes: number): void;
}

/** One direction of one connection: source → throttle → delay line → destination. */
class Pipe {
  private throttleQueue: Buffer[] = [];
  private delayQueue: { at: number; chunk: Buffer }[] = [];
  private lastDueAt = 0;
  private throttleTimer: NodeJS.Timeout | undefined;
  private delayTimer: NodeJS.Timeout | undefined;
  private blocked = false;
  private sourceEnded = false;
  private stopped = false;
  queued = 0;

  constructor(
    private readonly source: net.Socket,
    private readonly destination: net.Socket,
    private readonly direction: 'up' | 'down',
    private readonly link: Link,
  ) {
    source.on('data', (chunk: Buffer) => this.push(chunk));
    source.on('end', () => {
      this.sourceEnded = true;
      this.endIfFlushed();
    });
    destination.on('drain', () => {
      this.blocked = false;
      this.flushDue();
      this.updateFlow();
    });
  }

  /** Drops everything queued (the connection is going away). */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.throttleTimer);
    clearTimeout(this.delayTimer);
    this.throttleQueue = [];
    this.delayQueue = [];
    this.queued = 0;
  }

  /** Re-runs the throttle after a bandwidth change. */
  kick(): void {
    clearTimeout(this.throttleTimer);
    this.throttleTimer = undefined;
    this.pumpThrottle();
  }

  private push(chunk: Buffer): void {
    if (this.stopped) return;
    this.throttleQueue.push(chunk);
    this.queued += chunk.length;
    this.updateFlow();
    this.pumpThrottle();
  }

  private pumpThrottle(): void {
    if (this.throttleTimer || this.stopped) return;
    const bucket = this.link.bucket(this.direction);
    while (this.throttleQueue.length > 0) {
      const head = this.throttleQueue[0];
      const granted = bucket.take(head.length);
      if (granted === 0) {
        this.throttleTimer = setTimeout(() => {
          this.throttleTimer = undefined;
          this.pumpThrottle();
        }, bucket.waitMs(head.length));
        return;
      }
      if (granted === head.length) this.throttleQueue.shift();
      else this.throttleQueue[0] = head.subarray(granted);
      this.delay(head.subarray(0, granted));
    }
    this.endIfFlushed();
  }

  private delay(chunk: Buffer): void {
    // Never due before an earlier chunk, so lowering the latency mid-stream keeps byte order.
    const at = Math.max(performance.now() + this.link.latencyMs(), this.lastDueAt);
    this.lastDueAt = at;
    this.delayQueue.push({ at, chunk });
    this.flushDue();
  }

  private flushDue(): void {
    clearTimeout(this.delayTimer);
    this.delayTimer = undefined;
    if (this.stopped) return;
    while (this.delayQueue.length > 0 && !this.blocked) {
      const head = this.delayQueue[0];
      const wait = head.at - performance.now();
      if (wait > 0) {
        this.delayTimer = setTimeout(() => this.flushDue(), Math.ceil(wait));
        return;
      }
      if (this.destination.destroyed) return;
      const allowed = this.link.allow(this.direction, head.chunk.length);
      const piece = head.chunk.subarray(0, allowed);
      this.delayQueue.shift();
      this.queued -= head.chunk.length;
      if (piece.length > 0 && !this.destination.write(piece)) this.blocked = true;
      // May destroy the connection (dropAfter), which stops this pipe.
      this.link.delivered(this.direction, piece.length);
    }
    this.updateFlow();
    this.endIfFlushed();
  }

  private updateFlow(): void {
    if (this.source.destroyed || this.stopped) return;
    if (this.blocked || this.queued > PIPE_HIGH_WATER) this.source.pause();
    else this.source.resume();
  }

  private endIfFlushed(): void {
    if (this.stopped) return;
    if (this.sourceEnded && this.queued === 0 && !this.destination.destroyed)
      this.destination.end();
  }
}

function checkBandwidth(bytesPerSecond: number | null): number | null {
  if (bytesPerSecond !== null && !(bytesPerSecond > 0))
    throw new Error('bandwidth must be > 0 bytes/s, or null');
  return bytesPerSecond;
}

interface Connection {
  client: net.Socket;
  server: net.Socket;
  pipes: Pipe[];
}

export async function startTcpProxy(options: TcpProxyOptions): Promise<TcpProxy> {
  let latencyMs = options.latencyMs ?? 0;
  let bandwidth = checkBandwidth(options.bandwidth ?? null);
  const buckets = { up: new TokenBucket(bandwidth), down: new TokenBucket(bandwidth) };
  const connections = new Set<Connection>();
  const counts = { bytesUp: 0, bytesDown: 0, connections: 0 };
  let isCut = false;
  let dropBudget: number | null = null;

  const destroy = (connection: Connection) => {
    for (const pipe of connection.pipes) pipe.stop();
    connection.client.destroy();
    connection.server.destroy();
    connections.delete(connection);
  };
  const destroyAll = () => [...connections].forEach(destroy);

  const link: Link = {
    bucket: (direction) => buckets[direction],
    latencyMs: () => latencyMs,
    allow: (direction, bytes) =>
      direction === 'up' && dropBudget !== null ? Math.min(bytes, dropBudget) : bytes,
    delivered: (direction, bytes) => {
      if (direction === 'down') {
        counts.bytesDown += bytes;
        return;
      }
      counts.bytesUp += bytes;
      if (dropBudget === null) return;
      dropBudget -= bytes;
      if (dropBudget <= 0) {
        dropBudget = null;
        for (const connection of connections) {
          connection.pipes.forEach((pipe) => pipe.stop());
          connection.client.destroy();
          // The target gets exactly the budgeted bytes: those still in its write buffer go first.
          if (connection.server.writableLength === 0) destroy(connection);
          else connection.server.once('drain', () => destroy(connection));
        }
      }
    },
  };

  const server = net.createServer({ allowHalfOpen: true }, (client) => {
    counts.connections++;
    if (isCut) {
      client.destroy();
      return;
    }
    const upstream = net.connect({
      host: options.target.host,
      port: options.target.port,
      allowHalfOpen: true,
    });
    const connection: Connection = { client, server: upstream, pipes: [] };
    connection.pipes = [
      new Pipe(client, upstream, 'up', link),
      new Pipe(upstream, client, 'down', link),
    ];
    connections.add(connection);
    const onError = () => destroy(connection);
    client.on('error', onError);
    upstream.on('error', onError);
    // A side that closes without a clean end (reset) takes the other with it; a clean close is
    // handled by the pipes, which end the other side once their queue is flushed.
    client.on('close', () =>
      upstream.destroyed || upstream.writableEnded ? connections.delete(connection) : undefined,
    );
    upstream.on('close', () =>
      client.destroyed || client.writableEnded ? connections.delete(connection) : undefined,
    );
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.listenPort ?? 0, '127.0.0.1', () => resolve());
  });

  return {
    port: (server.address() as net.AddressInfo).port,
    setLatency(ms) {
      latencyMs = ms;
    },
    setBandwidth(bytesPerSecond) {
      bandwidth = checkBandwidth(bytesPerSecond);
      buckets.up.setRate(bandwidth);
      buckets.down.setRate(bandwidth);
      connections.forEach((connection) => connection.pipes.forEach((pipe) => pipe.kick()));
    },
    settings: () => ({ latencyMs, bandwidth }),
    cut() {
      isCut = true;
      destroyAll();
    },
    restore() {
      isCut = false;
    },
    dropAfter(bytes) {
      dropBudget = bytes;
    },
    stats: () => ({
      ...counts,
      open: connections.size,
      queued: [...connections].reduce(
        (sum, c) => sum + c.pipes.reduce((s, p) => s + p.queued, 0),
        0,
      ),
    }),
    async close() {
      destroyAll();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * The floor a benchmark compares against: sends `bytes` through a proxy with the same settings as
 * `proxy` (its own instance, in front of a sink server started here) and returns the milliseconds
 * from the first write until the sink has received every byte.
 */
export async function rawCopyThrough(
  proxy: TcpProxy | TcpProxySettings,
  bytes: Buffer,
): Promise<number> {
  const settings = 'settings' in proxy ? proxy.settings() : proxy;
  let received = 0;
  let done!: () => void;
  const allReceived = new Promise<void>((resolve) => (done = resolve));
  const sink = net.createServer((socket) => {
    socket.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received >= bytes.length) done();
    });
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', () => resolve()));
  const copy = await startTcpProxy({
    ...settings,
    target: { host: '127.0.0.1', port: (sink.address() as net.AddressInfo).port },
  });
  const client = net.connect({ host: '127.0.0.1', port: copy.port });
  try {
    await new Promise<void>((resolve, reject) => {
      client.once('connect', resolve);
      client.once('error', reject);
    });
    const started = performance.now();
    client.write(bytes);
    await allReceived;
    return performance.now() - started;
  } finally {
    client.destroy();
    await copy.close();
    await new Promise<void>((resolve) => sink.close(() => resolve()));
  }
}
