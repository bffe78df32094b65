/**
 * What the live benchmarks share (tests/perf/live-viewers.bench.ts, tests/perf/live-replicas.bench.ts):
 * a fleet of viewers in a child process of their own, kept apart from the servers they measure,
 * and the arithmetic of their receipts (latency percentiles, losses, a process's CPU and RSS).
 *
 * A benchmark that uses a fleet must call `runFleetRole()` first thing: the fleet's child process
 * is the same script started again with `--role=viewers`.
 */
import { fork, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { io } from 'socket.io-client';
import { WebSocket } from 'ws';

const CONNECT_BATCH = 250;

export const now = () => performance.timeOrigin + performance.now();
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export type ViewerRoom = { kind: 'category'; id: string } | null;

type ViewerCommand =
  | { kind: 'connect'; url: string; room: ViewerRoom; count: number }
  | { kind: 'report' }
  | { kind: 'close' };
type Connected = { kind: 'connected'; count: number; failed: number };
type Report = { kind: 'report'; receipts: Record<number, number[]>; bytes: number[] };

// ---------------------------------------------------------------- viewer process

/**
 * A lean Socket.IO viewer speaking the protocol itself over `ws` (Engine.IO 4, WebSocket only):
 * open, connect to the main namespace, join, answer pings, and time each `standings:delta` by
 * reading its version without parsing the JSON. With 10,000 viewers in one process on a shared
 * 2-core machine, socket.io-client's per-socket parsing would saturate the viewers' process and
 * measure the viewers instead of the server (BENCH_CLIENT=socket.io uses it anyway).
 */
function rawViewer(
  url: string,
  room: ViewerRoom,
  onDelta: (version: number, bytes: number) => void,
): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new WebSocket(
      `${url.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`,
      { perMessageDeflate: false },
    );
    let joined = false;
    const VERSION = Buffer.from('"version":');
    socket.on('error', () => resolve(false));
    socket.on('message', (data: Buffer) => {
      const type = data[0];
      if (type === 0x32 /* 2: ping */ && data.length === 1) return socket.send('3');
      if (type === 0x30 /* 0: open */) return socket.send('40');
      if (type !== 0x34 /* 4: message */) return;
      if (data[1] === 0x30 /* 40: namespace connected */ && !joined) {
        joined = true;
        if (!room) return resolve(true);
        return socket.send(`420${JSON.stringify(['join', room])}`);
      }
      if (data[1] === 0x33 /* 43: ack */) return resolve(data.includes('"ok":true'));
      if (data[1] === 0x32 /* 42: event */ && data.includes('"standings:delta"')) {
        const at = data.indexOf(VERSION);
        let version = 0;
        for (let i = at + VERSION.length; data[i] >= 0x30 && data[i] <= 0x39; i++)
          version = version * 10 + data[i] - 0x30;
        onDelta(version, data.length - 2);
      }
    });
    sockets.push({ close: () => socket.terminate() });
  });
}

/** The same viewer with socket.io-client (BENCH_CLIENT=socket.io). */
function clientViewer(
  url: string,
  room: ViewerRoom,
  onDelta: (version: number, bytes: number) => void,
): Promise<boolean> {
  const socket = io(url, { transports: ['websocket'], reconnection: false, forceNew: true });
  sockets.push(socket);
  socket.on('standings:delta', (delta: { version: number }) =>
    onDelta(delta.version, Buffer.byteLength(JSON.stringify(delta))),
  );
  return new Promise((resolve) => {
    socket.once('connect_error', () => resolve(false));
    socket.once('connect', () => {
      if (!room) return resolve(true);
      socket
        .timeout(30_000)
        .emit('join', room, (error: Error | null, result: { ok: boolean }) =>
          resolve(!error && !!result?.ok),
        );
    });
  });
}

const sockets: { close(): void }[] = [];

/** N viewers; records when each delta version reached each of them. */
function viewerProcess(): void {
  const receipts = new Map<number, number[]>();
  const bytes: number[] = [];
  const send = (reply: Connected | Report) => process.send?.(reply);
  const viewer = process.env.BENCH_CLIENT === 'socket.io' ? clientViewer : rawViewer;
  process.on('message', async (command: ViewerCommand) => {
    if (command.kind === 'connect') {
      let failed = 0;
      const before = sockets.length;
      for (let start = 0; start < command.count; start += CONNECT_BATCH) {
        const batch = Array.from(
          { length: Math.min(CONNECT_BATCH, command.count - start) },
          async (_, i) => {
            const first = before === 0 && start === 0 && i === 0;
            const ok = await viewer(command.url, command.room, (version, size) => {
              const list = receipts.get(version) ?? [];
              list.push(now());
              receipts.set(version, list);
              if (first) bytes.push(size);
            });
            if (!ok) failed++;
          },
        );
        await Promise.all(batch);
      }
      send({ kind: 'connected', count: sockets.length - before, failed });
    }
    if (command.kind === 'report')
      send({ kind: 'report', receipts: Object.fromEntries(receipts), bytes });
    if (command.kind === 'close') {
      sockets.forEach((socket) => socket.close());
      process.exit(0);
    }
  });
}

/** In the fleet's child process, runs the viewers and returns true; in the benchmark, false. */
export function runFleetRole(): boolean {
  if (!process.argv.includes('--role=viewers')) return false;
  viewerProcess();
  return true;
}

// ---------------------------------------------------------------- driver side

/** Forks this same script in another role (`--role=<role>`), with room for a large heap. */
export function forkRole(role: string): ChildProcess {
  return fork(process.argv[1], [`--role=${role}`], {
    stdio: 'inherit',
    execArgv: ['--max-old-space-size=4096'],
  });
}

/** The next message of `kind` from a child process. */
export function next<T>(proc: ChildProcess, kind: string): Promise<T> {
  return new Promise((resolve) => {
    const listener = (message: { kind: string }) => {
      if (message.kind !== kind) return;
      proc.off('message', listener);
      resolve(message as T);
    };
    proc.on('message', listener);
  });
}

/** Viewers in a process of their own. */
export class ViewerFleet {
  private constructor(private readonly proc: ChildProcess) {}

  static start(): ViewerFleet {
    return new ViewerFleet(forkRole('viewers'));
  }

  /** Opens `count` viewers to `url` (250 at a time), each joining `room` if given. */
  async connect(
    url: string,
    room: ViewerRoom,
    count: number,
  ): Promise<{ count: number; failed: number }> {
    this.proc.send({ kind: 'connect', url, room, count } satisfies ViewerCommand);
    return next<Connected>(this.proc, 'connected');
  }

  /** When each delta version reached each viewer, and the sizes of the deltas the first viewer got. */
  async report(): Promise<{ receipts: Record<number, number[]>; bytes: number[] }> {
    this.proc.send({ kind: 'report' } satisfies ViewerCommand);
    return next<Report>(this.proc, 'report');
  }

  close(): void {
    this.proc.send({ kind: 'close' } satisfies ViewerCommand);
  }
}

/** utime + stime of a process, in ms, and its RSS in MB (Linux /proc). */
export function processUsage(pid: number): { cpuMs: number; rssMb: number } {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  const rssPages = Number(fields[21]);
  return { cpuMs: (ticks * 1000) / 100, rssMb: (rssPages * 4096) / 1024 / 1024 };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export interface Figures {
  /** The slowest events by their median delivery, to tell a slow server step from a slow fan-out. */
  slowest: string;
  p50: number;
  p99: number;
  max: number;
  delivered: number;
  expected: number;
  cpuPct: number;
  rssMb: number;
}

/** Latencies from each version's send time to each viewer's receipt of it; `expected` is one per viewer. */
export function figures(
  sentAt: Map<number, number>,
  receipts: Record<number, number[]>,
  viewers: number,
  usage: { cpuMs: number; wallMs: number; rssMb: number },
): Figures {
  const latencies: number[] = [];
  for (const [version, at] of sentAt)
    for (const received of receipts[version] ?? []) latencies.push(received - at);
  latencies.sort((a, b) => a - b);
  const perEvent = [...sentAt].map(([version, at]) => {
    const own = (receipts[version] ?? []).map((received) => received - at).sort((a, b) => a - b);
    return { version, first: own[0] ?? NaN, median: percentile(own, 50) };
  });
  const slowest = perEvent
    .sort((a, b) => b.median - a.median)
    .slice(0, 3)
    .map((e) => `#${e.version} first ${e.first.toFixed(0)} ms, median ${e.median.toFixed(0)} ms`)
    .join('; ');
  return {
    slowest,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies[latencies.length - 1] ?? NaN,
    delivered: latencies.length,
    expected: sentAt.size * viewers,
    cpuPct: (100 * usage.cpuMs) / usage.wallMs,
    rssMb: usage.rssMb,
  };
}

export function loadAverage(): string {
  return fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
}

/** A server's memory as its /api/metrics reports it (prom-client's process and Node metrics), in MB. */
export interface ServerMemory {
  rssMb: number;
  heapUsedMb: number;
  /** What the JS heap holds from the system, garbage included. */
  heapTotalMb: number;
  externalMb: number;
}

export async function serverMemory(url: string): Promise<ServerMemory> {
  const text = await (await fetch(`${url}/api/metrics`)).text();
  const metric = (name: string) => {
    const line = new RegExp(`^${name} (\\S+)$`, 'm').exec(text);
    return line ? Number(line[1]) / 1024 / 1024 : NaN;
  };
  return {
    rssMb: metric('process_resident_memory_bytes'),
    heapUsedMb: metric('nodejs_heap_size_used_bytes'),
    heapTotalMb: metric('nodejs_heap_size_total_bytes'),
    externalMb: metric('nodejs_external_memory_bytes'),
  };
}
