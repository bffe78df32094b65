/**
 * Benchmark (not a test): N public viewers of one category (docs/design.md#performance-budgets), in a separate
 * process, while a judge confirms one result every 200 ms through the API. Prints p50/p99 delivery
 * latency (confirm sent → delta received by a viewer), the server's CPU share and RSS, and the size
 * of the deltas, beside a bare socket.io server broadcasting the same payloads at the same pace
 * to the same number of viewers in the same run.
 *
 * Budget: 10,000 viewers p99 ≤ 500 ms and ≤ 1.5× bare; a one-team delta ≤ 1 KB.
 * Run: `npm run bench:live -- 1000` (or 10000). Needs the built API (`npx tsc -p apps/api/tsconfig.app.json`).
 */
import { fork, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import { createServer } from 'node:http';
import { performance } from 'node:perf_hooks';
import { Server } from 'socket.io';
import { io } from 'socket.io-client';
import { WebSocket } from 'ws';
import request from 'supertest';
import { startVenue } from '../support/start-venue';
import { createMazeStage, judgeToken, mazeAttempt, organiserToken } from '../support/venue-api';

/** Results before the measured ones (JIT, caches, first queries), on both sides alike. */
const WARMUP = 5;
const EVENTS = Math.min(54, Number(process.env.BENCH_EVENTS ?? 50));
const EVERY_MS = 200;
const TEAMS = 60;
const CONNECT_BATCH = 250;

const now = () => performance.timeOrigin + performance.now();

type ViewerCommand = { kind: 'connect'; url: string; room: { kind: 'category'; id: string } | null; count: number } | { kind: 'report' } | { kind: 'close' };
type ViewerReply =
  | { kind: 'connected'; count: number; failed: number }
  | { kind: 'report'; receipts: Record<number, number[]>; bytes: number[] };

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
  room: { kind: 'category'; id: string } | null,
  onDelta: (version: number, bytes: number) => void,
): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new WebSocket(`${url.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`, { perMessageDeflate: false });
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
        for (let i = at + VERSION.length; data[i] >= 0x30 && data[i] <= 0x39; i++) version = version * 10 + data[i] - 0x30;
        onDelta(version, data.length - 2);
      }
    });
    sockets.push({ close: () => socket.terminate() });
  });
}

const sockets: { close(): void }[] = [];

/** N viewers; records when each delta version reached each of them. */
async function viewerProcess(): Promise<void> {
  const receipts = new Map<number, number[]>();
  const bytes: number[] = [];
  const send = (reply: ViewerReply) => process.send?.(reply);
  process.on('message', async (command: ViewerCommand) => {
    if (command.kind === 'connect') {
      let failed = 0;
      for (let start = 0; start < command.count; start += CONNECT_BATCH) {
        const batch = Array.from({ length: Math.min(CONNECT_BATCH, command.count - start) }, (_, i) => {
          const first = start === 0 && i === 0;
          if (process.env.BENCH_CLIENT !== 'socket.io') {
            return rawViewer(command.url, command.room, (version, size) => {
              const list = receipts.get(version) ?? [];
              list.push(now());
              receipts.set(version, list);
              if (first) bytes.push(size);
            }).then((ok) => {
              if (!ok) failed++;
            });
          }
          const socket = io(command.url, { transports: ['websocket'], reconnection: false, forceNew: true });
          sockets.push(socket);
          socket.on('standings:delta', (delta: { version: number }) => {
            const at = now();
            const list = receipts.get(delta.version) ?? [];
            list.push(at);
            receipts.set(delta.version, list);
            if (first) bytes.push(Buffer.byteLength(JSON.stringify(delta)));
          });
          return new Promise<void>((resolve) => {
            socket.once('connect_error', () => {
              failed++;
              resolve();
            });
            socket.once('connect', () => {
              if (!command.room) return resolve();
              socket.timeout(30_000).emit('join', command.room, (error: Error | null, result: { ok: boolean }) => {
                if (error || !result?.ok) failed++;
                resolve();
              });
            });
          });
        });
        await Promise.all(batch);
      }
      send({ kind: 'connected', count: sockets.length, failed });
    }
    if (command.kind === 'report') send({ kind: 'report', receipts: Object.fromEntries(receipts), bytes });
    if (command.kind === 'close') {
      sockets.forEach((socket) => socket.close());
      process.exit(0);
    }
  });
}

// ---------------------------------------------------------------- bare server process

/** A plain socket.io server: every client joins one room; `emit` broadcasts the given payload. */
async function bareProcess(): Promise<void> {
  const http = createServer();
  const server = new Server(http, { serveClient: false });
  server.on('connection', (socket) => void socket.join('room'));
  http.listen(0, '127.0.0.1', () => {
    const address = http.address();
    process.send?.({ kind: 'listening', port: typeof address === 'object' && address ? address.port : 0 });
  });
  process.on('message', (message: { kind: 'emit'; payload: unknown } | { kind: 'close' }) => {
    if (message.kind === 'emit') {
      process.send?.({ kind: 'sent', at: now() });
      server.to('room').emit('standings:delta', message.payload);
    } else process.exit(0);
  });
}

// ---------------------------------------------------------------- driver

function child(role: 'viewers' | 'bare'): ChildProcess {
  return fork(process.argv[1], [`--role=${role}`], { stdio: 'inherit', execArgv: ['--max-old-space-size=4096'] });
}

function next<T>(proc: ChildProcess, kind: string): Promise<T> {
  return new Promise((resolve) => {
    const listener = (message: { kind: string }) => {
      if (message.kind !== kind) return;
      proc.off('message', listener);
      resolve(message as T);
    };
    proc.on('message', listener);
  });
}

/** utime + stime of a process, in ms, and its RSS in MB (Linux /proc). */
function processUsage(pid: number): { cpuMs: number; rssMb: number } {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  const rssPages = Number(fields[21]);
  return { cpuMs: (ticks * 1000) / 100, rssMb: (rssPages * 4096) / 1024 / 1024 };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

interface Figures {
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

function figures(sentAt: Map<number, number>, receipts: Record<number, number[]>, viewers: number, usage: { cpuMs: number; wallMs: number; rssMb: number }): Figures {
  const latencies: number[] = [];
  for (const [version, at] of sentAt) for (const received of receipts[version] ?? []) latencies.push(received - at);
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

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function ours(viewers: number): Promise<{ figures: Figures; payloads: unknown[]; bytes: number[] }> {
  const venue = await startVenue();
  try {
    const organiser = await organiserToken(venue);
    const stage = await createMazeStage(venue, organiser, { teams: TEAMS });
    const auth = { Authorization: `Bearer ${organiser}` };
    await request(venue.url).patch(`/api/stages/${stage.stageId}`).set(auth).send({ status: 'live' }).expect(200);
    await request(venue.url).post(`/api/categories/${stage.categoryId}/publish`).set(auth).expect(200);
    const judge = await judgeToken(venue, stage.stageCode, stage.judge.pin);

    // One more viewer in this process keeps the payloads for the bare run.
    const payloads: unknown[] = [];
    const keeper = io(venue.url, { transports: ['websocket'] });
    keeper.on('standings:delta', (delta: unknown) => payloads.push(delta));
    await new Promise<void>((resolve) => keeper.once('connect', () => resolve()));
    await keeper.timeout(10_000).emitWithAck('join', { kind: 'category', id: stage.categoryId });

    const proc = child('viewers');
    proc.send({ kind: 'connect', url: venue.url, room: { kind: 'category', id: stage.categoryId }, count: viewers } satisfies ViewerCommand);
    const connected = await next<{ count: number; failed: number }>(proc, 'connected');
    console.log(`  ours: ${connected.count} viewers joined (${connected.failed} failed)`);
    await sleep(1_000);

    const sentAt = new Map<number, number>();
    let before = processUsage(venue.pid);
    let wallStart = now();
    let version = (await request(venue.url).get(`/api/public/categories/${stage.categoryId}/standings`).expect(200)).body.version as number;
    for (let i = -WARMUP; i < EVENTS; i++) {
      const tick = now();
      // Each new team is slower than the last: a one-team change (its row only). The last result
      // is the fastest of all and pushes every team down one place: the largest delta there is.
      const last = i === EVENTS - 1;
      const response = await request(venue.url)
        .post('/api/ledger')
        .set('Authorization', `Bearer ${judge}`)
        .send(mazeAttempt(stage, stage.teamIds[WARMUP + i], 1, last ? 10_000 : 60_000 + (WARMUP + i) * 1_000));
      if (response.status !== 201) throw new Error(`ledger answered ${response.status}: ${JSON.stringify(response.body)}`);
      version += 1;
      if (i >= 0) sentAt.set(version, tick);
      await sleep(Math.max(0, EVERY_MS - (now() - tick)));
      if (i === -1) {
        before = processUsage(venue.pid);
        wallStart = now();
      }
    }
    await sleep(3_000);
    const after = processUsage(venue.pid);
    const wallMs = now() - wallStart;
    proc.send({ kind: 'report' } satisfies ViewerCommand);
    const report = await next<{ receipts: Record<number, number[]>; bytes: number[] }>(proc, 'report');
    proc.send({ kind: 'close' } satisfies ViewerCommand);
    keeper.close();
    return {
      figures: figures(sentAt, report.receipts, viewers, { cpuMs: after.cpuMs - before.cpuMs, wallMs, rssMb: after.rssMb }),
      payloads,
      bytes: report.bytes,
    };
  } finally {
    await venue.stop();
  }
}

async function bare(viewers: number, payloads: unknown[]): Promise<Figures> {
  const server = child('bare');
  const { port } = await next<{ port: number }>(server, 'listening');
  const proc = child('viewers');
  proc.send({ kind: 'connect', url: `http://127.0.0.1:${port}`, room: null, count: viewers } satisfies ViewerCommand);
  const connected = await next<{ count: number; failed: number }>(proc, 'connected');
  console.log(`  bare: ${connected.count} viewers connected (${connected.failed} failed)`);
  await sleep(1_000);
  const sentAt = new Map<number, number>();
  const pid = server.pid ?? 0;
  let before = processUsage(pid);
  let wallStart = now();
  const measured = payloads.slice(WARMUP);
  for (let i = -WARMUP; i < Math.min(EVENTS, measured.length); i++) {
    const tick = now();
    const payload = { ...(payloads[WARMUP + i] as object), version: WARMUP + i + 1 };
    const sent = next<{ at: number }>(server, 'sent');
    server.send({ kind: 'emit', payload });
    const at = (await sent).at;
    if (i >= 0) sentAt.set(WARMUP + i + 1, at);
    await sleep(Math.max(0, EVERY_MS - (now() - tick)));
    if (i === -1) {
      before = processUsage(pid);
      wallStart = now();
    }
  }
  await sleep(3_000);
  const after = processUsage(pid);
  const wallMs = now() - wallStart;
  proc.send({ kind: 'report' } satisfies ViewerCommand);
  const report = await next<{ receipts: Record<number, number[]> }>(proc, 'report');
  proc.send({ kind: 'close' } satisfies ViewerCommand);
  server.send({ kind: 'close' });
  return figures(sentAt, report.receipts, viewers, { cpuMs: after.cpuMs - before.cpuMs, wallMs, rssMb: after.rssMb });
}

async function main(): Promise<void> {
  const viewers = Number(process.argv.find((arg) => /^\d+$/.test(arg)) ?? 1_000);
  const load = fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  console.log(
    `live viewers benchmark: ${viewers} viewers, ${EVENTS} results every ${EVERY_MS} ms after ${WARMUP} unmeasured (load average before: ${load})`,
  );
  const ourRun = await ours(viewers);
  const bareRun = await bare(viewers, ourRun.payloads);
  const row = (name: string, f: Figures) =>
    `${name.padEnd(6)} p50 ${f.p50.toFixed(1).padStart(7)} ms   p99 ${f.p99.toFixed(1).padStart(7)} ms   max ${f.max.toFixed(1).padStart(7)} ms   delivered ${f.delivered}/${f.expected}   server CPU ${f.cpuPct.toFixed(0).padStart(3)} %   RSS ${f.rssMb.toFixed(0)} MB`;
  console.log(row('ours', ourRun.figures));
  console.log(row('bare', bareRun));
  console.log(`slowest events  ours: ${ourRun.figures.slowest}\n                bare: ${bareRun.slowest}`);
  console.log(
    `ratio  p50 ${(ourRun.figures.p50 / bareRun.p50).toFixed(2)}×   p99 ${(ourRun.figures.p99 / bareRun.p99).toFixed(2)}×   (budget: p99 ≤ 500 ms and ≤ 1.5× bare at 10,000 viewers)`,
  );
  const sizes = [...ourRun.bytes].sort((a, b) => a - b);
  console.log(
    `delta JSON bytes: one-team change median ${percentile(sizes, 50)} (budget ≤ 1024); a result moving all ${EVENTS - 1} ranked teams down: ${sizes[sizes.length - 1]}`,
  );
  process.exit(0);
}

const role = process.argv.find((arg) => arg.startsWith('--role='))?.slice('--role='.length);
if (role === 'viewers') void viewerProcess();
else if (role === 'bare') void bareProcess();
else
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
