/**
 * Benchmark (not a test): N public viewers of one category (docs/design.md#performance-budgets), in a separate
 * process, while a judge confirms one result every 200 ms through the API. Prints p50/p99 delivery
 * latency (confirm sent → delta received by a viewer), the server's CPU share and RSS, and the size
 * of the deltas, beside a bare socket.io server broadcasting the same payloads at the same pace
 * to the same number of viewers in the same run.
 *
 * Both servers keep their viewers for the whole run and take turns in BENCH_ROUNDS short rounds
 * (default 5; the order alternates), so a change of the machine's load hits both alike; the budget
 * is read on the median of the per-round p99 ratios, beside the pooled one.
 *
 * Budget: 10,000 viewers p99 ≤ 500 ms and ≤ 1.5× bare; a one-team delta ≤ 1 KB.
 * Run: `npm run bench:live -- 1000` (or 10000). Needs the built API (`npx tsc -p apps/api/tsconfig.app.json`).
 */
import { createServer } from 'node:http';
import * as path from 'node:path';
import { Server } from 'socket.io';
import { io } from 'socket.io-client';
import request from 'supertest';
import { startVenue } from '../support/start-venue';
import { createMazeStage, judgeToken, mazeAttempt, organiserToken } from '../support/venue-api';
import {
  ViewerFleet,
  figures,
  forkRole,
  loadAverage,
  next,
  now,
  percentile,
  processUsage,
  runFleetRole,
  serverMemory,
  sleep,
  type ServerMemory,
  type Figures,
} from './support/viewer-fleet';

/** Results before the measured ones (JIT, caches, first queries), on both sides alike. */
const WARMUP = 5;
const EVENTS = Math.min(54, Number(process.env.BENCH_EVENTS ?? 50));
const EVERY_MS = 200;
/** The two servers take turns in this many rounds (docs/performance.md#live-viewers-against-the-bare-server). */
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 5));
/** After a side's last result of a round: its deliveries end before the other side starts. */
const SETTLE_MS = 1_500;
const TEAMS = 60;

// ---------------------------------------------------------------- bare server process

/** A plain socket.io server: every client joins one room; `emit` broadcasts the given payload. */
async function bareProcess(): Promise<void> {
  const http = createServer();
  const server = new Server(http, { serveClient: false });
  server.on('connection', (socket) => void socket.join('room'));
  http.listen(0, '127.0.0.1', () => {
    const address = http.address();
    process.send?.({
      kind: 'listening',
      port: typeof address === 'object' && address ? address.port : 0,
    });
  });
  process.on('message', (message: { kind: 'emit'; payload: unknown } | { kind: 'close' }) => {
    if (message.kind === 'emit') {
      const at = now();
      server.to('room').emit('standings:delta', message.payload);
      // Acknowledged once the broadcast is written, as our server answers the judge's entry after
      // its own broadcast: the driver paces both sides alike (the next result waits for it).
      process.send?.({ kind: 'sent', at });
    } else process.exit(0);
  });
}

// ---------------------------------------------------------------- driver

function memoryLine(idle: ServerMemory, joined: ServerMemory, viewers: number): string {
  const mb = (value: number) => `${value.toFixed(0)} MB`;
  const perViewer = ((1024 * (joined.rssMb - idle.rssMb)) / viewers).toFixed(1);
  return (
    `RSS ${mb(idle.rssMb)} idle → ${mb(joined.rssMb)} with the viewers (${perViewer} KB a viewer; ` +
    `heap used ${mb(idle.heapUsedMb)} → ${mb(joined.heapUsedMb)} of ${mb(idle.heapTotalMb)} → ${mb(joined.heapTotalMb)}, external ${mb(idle.externalMb)} → ${mb(joined.externalMb)})`
  );
}

/** One side of the comparison: a server with its viewers joined, sending results on request. */
interface Side {
  /** Sends result `index` (0-based over the whole run); resolves with its version and send time. */
  result(index: number): Promise<{ version: number; sentAt: number; emittedAt?: number }>;
  pid: number;
  receipts(): Promise<{ receipts: Record<number, number[]>; bytes: number[] }>;
  close(): Promise<void>;
}

/** Our server (the built API), its stage published, the viewers joined to the category's room. */
async function startOurs(viewers: number): Promise<Side & { payloadOf(index: number): unknown }> {
  // BENCH_HEAP_SNAPSHOT=<folder>: the server writes heap snapshots there with the viewers joined and after the results.
  const snapshotDir = process.env.BENCH_HEAP_SNAPSHOT;
  // BENCH_SERVER_NODE_OPTIONS / MALLOC_ARENA_MAX: V8 flags and glibc arenas to measure (docs/performance.md#memory-per-viewer).
  // BENCH_FORCED_GC=1: after the results the server runs a full collection and says what was
  // garbage (heap used before and after), which tells floating garbage from memory held.
  const forcedGc = process.env.BENCH_FORCED_GC === '1';
  // BENCH_CPU_PROFILE=<folder>: the server writes a CPU profile there every 4 s (cpu-profile-preload.cjs).
  const cpuProfileDir = process.env.BENCH_CPU_PROFILE;
  const preload = (file: string) =>
    `--require ${path.join(__dirname, '..', '..', 'tests', 'perf', 'support', file)}`;
  const nodeOptions = [
    process.env.BENCH_SERVER_NODE_OPTIONS ?? '',
    forcedGc ? preload('forced-gc.cjs') : '',
    cpuProfileDir ? preload('cpu-profile-preload.cjs') : '',
    snapshotDir ? `--heapsnapshot-signal=SIGUSR2 --diagnostic-dir=${snapshotDir}` : '',
  ]
    .join(' ')
    .trim();
  const venue = await startVenue({
    env: {
      ...(nodeOptions ? { NODE_OPTIONS: nodeOptions } : {}),
      ...(process.env.MALLOC_ARENA_MAX ? { MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX } : {}),
      ...(cpuProfileDir ? { BENCH_CPU_PROFILE_DIR: cpuProfileDir } : {}),
      ...(process.env.HEAP_GROWING_PERCENT
        ? { HEAP_GROWING_PERCENT: process.env.HEAP_GROWING_PERCENT }
        : {}),
    },
  });
  console.log(
    `  ours: NODE_OPTIONS=${nodeOptions || '(none)'} MALLOC_ARENA_MAX=${process.env.MALLOC_ARENA_MAX ?? '(unset)'} HEAP_GROWING_PERCENT=${process.env.HEAP_GROWING_PERCENT ?? '(default)'}`,
  );
  const organiser = await organiserToken(venue);
  const stage = await createMazeStage(venue, organiser, { teams: TEAMS });
  const auth = { Authorization: `Bearer ${organiser}` };
  await request(venue.url)
    .patch(`/api/stages/${stage.stageId}`)
    .set(auth)
    .send({ status: 'live' })
    .expect(200);
  await request(venue.url)
    .post(`/api/categories/${stage.categoryId}/publish`)
    .set(auth)
    .expect(200);
  const judge = await judgeToken(venue, stage.stageCode, stage.judge.pin);

  // One more viewer in this process keeps the payloads, by version, for the bare server.
  const payloads = new Map<number, unknown>();
  const keeper = io(venue.url, { transports: ['websocket'] });
  keeper.on('standings:delta', (delta: { version: number }) => payloads.set(delta.version, delta));
  await new Promise<void>((resolve) => keeper.once('connect', () => resolve()));
  await keeper.timeout(10_000).emitWithAck('join', { kind: 'category', id: stage.categoryId });

  const idle = await serverMemory(venue.url);
  const fleet = ViewerFleet.start();
  const connected = await fleet.connect(
    venue.url,
    { kind: 'category', id: stage.categoryId },
    viewers,
  );
  console.log(`  ours: ${connected.count} viewers joined (${connected.failed} failed)`);
  await sleep(1_000);
  const joined = await serverMemory(venue.url);
  console.log(`  ours: ${memoryLine(idle, joined, viewers)}`);
  const snapshot = async (what: string) => {
    if (!snapshotDir) return;
    process.kill(venue.pid, 'SIGUSR2');
    await sleep(500);
    // The snapshot is written on the server's main thread: its next answer comes after it.
    await request(venue.url).get('/api/health/live').timeout(600_000);
    console.log(`  ours: heap snapshot ${what} written to ${snapshotDir}`);
  };
  await snapshot('with the viewers joined');

  const firstVersion = (
    await request(venue.url).get(`/api/public/categories/${stage.categoryId}/standings`).expect(200)
  ).body.version as number;
  const last = WARMUP + EVENTS - 1;
  return {
    pid: venue.pid,
    payloadOf: (index) => payloads.get(firstVersion + index + 1),
    async result(index) {
      const sentAt = now();
      // Each new team is slower than the last: a one-team change (its row only). The last result
      // is the fastest of all and pushes every team down one place: the largest delta there is.
      const response = await request(venue.url)
        .post('/api/ledger')
        .set('Authorization', `Bearer ${judge}`)
        .send(
          mazeAttempt(
            stage,
            stage.teamIds[index],
            1,
            index === last ? 10_000 : 60_000 + index * 1_000,
          ),
        );
      if (response.status !== 201)
        throw new Error(`ledger answered ${response.status}: ${JSON.stringify(response.body)}`);
      return { version: firstVersion + index + 1, sentAt };
    },
    async receipts() {
      console.log(
        `  ours: after the results ${memoryLine(idle, await serverMemory(venue.url), viewers)}`,
      );
      // A snapshot holds only what is reachable (V8 collects first): beside the heap used just
      // above, it tells what the results left alive from what was garbage not yet collected.
      await snapshot('after the results');
      if (forcedGc) {
        process.kill(venue.pid, 'SIGWINCH');
        await sleep(3_000);
        const line = venue
          .output()
          .split('\n')
          .filter((l) => l.includes('full collection'))
          .pop();
        console.log(`  ours: ${line ?? 'no answer to the forced collection'}`);
      }
      return fleet.report();
    },
    async close() {
      fleet.close();
      keeper.close();
      await venue.stop();
    },
  };
}

/**
 * The bare socket.io server with as many viewers. A result is timed from the driver's hand-over
 * (the IPC send, as ours are from the judge's send: both include any wait in the server's own
 * event loop before its broadcast starts) and, for comparison with figures before December, from
 * the bare server's own emit.
 */
async function startBare(viewers: number, payloadOf: (index: number) => unknown): Promise<Side> {
  const server = forkRole('bare');
  const { port } = await next<{ port: number }>(server, 'listening');
  const pid = server.pid ?? 0;
  const idleRss = processUsage(pid).rssMb;
  const fleet = ViewerFleet.start();
  const connected = await fleet.connect(`http://127.0.0.1:${port}`, null, viewers);
  console.log(`  bare: ${connected.count} viewers connected (${connected.failed} failed)`);
  await sleep(1_000);
  const joinedRss = processUsage(pid).rssMb;
  console.log(
    `  bare: RSS ${idleRss.toFixed(0)} MB idle → ${joinedRss.toFixed(0)} MB with the viewers (${((1024 * (joinedRss - idleRss)) / viewers).toFixed(1)} KB a viewer)`,
  );
  let latest: unknown = {};
  return {
    pid,
    async result(index) {
      // Ours's delta of the same result, or (when the bare side goes first in a round) its latest
      // one: every result but the run's last is a one-team change of the same size.
      latest = payloadOf(index) ?? latest;
      const payload = { ...(latest as object), version: index + 1 };
      const sentAt = now();
      const sent = next<{ at: number }>(server, 'sent');
      server.send({ kind: 'emit', payload });
      return { version: index + 1, sentAt, emittedAt: (await sent).at };
    },
    receipts: () => fleet.report(),
    async close() {
      fleet.close();
      server.send({ kind: 'close' });
    },
  };
}

interface PhaseLog {
  sentAt: Map<number, number>;
  emittedAt: Map<number, number>;
  cpuMs: number;
  wallMs: number;
}

/** Results `from` … `from + count - 1` through one side, one every EVERY_MS, then a pause for the last deliveries. */
async function phase(side: Side, from: number, count: number, log?: PhaseLog): Promise<void> {
  const before = processUsage(side.pid);
  const start = now();
  for (let index = from; index < from + count; index++) {
    const sent = await side.result(index);
    log?.sentAt.set(sent.version, sent.sentAt);
    if (sent.emittedAt !== undefined) log?.emittedAt.set(sent.version, sent.emittedAt);
    await sleep(Math.max(0, EVERY_MS - (now() - sent.sentAt)));
  }
  await sleep(SETTLE_MS);
  if (!log) return;
  log.cpuMs += processUsage(side.pid).cpuMs - before.cpuMs;
  log.wallMs += now() - start;
}

const newLog = (): PhaseLog => ({ sentAt: new Map(), emittedAt: new Map(), cpuMs: 0, wallMs: 0 });

async function main(): Promise<void> {
  const viewers = Number(process.argv.find((arg) => /^\d+$/.test(arg)) ?? 1_000);
  const perRound = Math.ceil(EVENTS / ROUNDS);
  console.log(
    `live viewers benchmark: ${viewers} viewers, ${EVENTS} results every ${EVERY_MS} ms after ${WARMUP} unmeasured, in ${ROUNDS} rounds taking turns (load average before: ${loadAverage()})`,
  );
  const ours = await startOurs(viewers);
  const bare = await startBare(viewers, (index) => ours.payloadOf(index));
  try {
    await phase(ours, 0, WARMUP);
    await phase(bare, 0, WARMUP);
    const oursLog = newLog();
    const bareLog = newLog();
    const rounds: { ours: PhaseLog; bare: PhaseLog }[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const from = WARMUP + round * perRound;
      const count = Math.min(perRound, WARMUP + EVENTS - from);
      if (count <= 0) break;
      const logs = { ours: newLog(), bare: newLog() };
      // The order alternates so that a change of load hits both alike; the last round runs ours
      // first, so its largest delta exists when the bare server replays it.
      const oursFirst = (ROUNDS - 1 - round) % 2 === 0;
      for (const which of oursFirst ? (['ours', 'bare'] as const) : (['bare', 'ours'] as const))
        await phase(which === 'ours' ? ours : bare, from, count, logs[which]);
      rounds.push(logs);
      console.log(`  round ${round + 1} of ${ROUNDS} done (load average ${loadAverage()})`);
    }
    for (const logs of rounds) {
      for (const [all, one] of [
        [oursLog, logs.ours],
        [bareLog, logs.bare],
      ] as const) {
        one.sentAt.forEach((at, version) => all.sentAt.set(version, at));
        one.emittedAt.forEach((at, version) => all.emittedAt.set(version, at));
        all.cpuMs += one.cpuMs;
        all.wallMs += one.wallMs;
      }
    }
    const oursReport = await ours.receipts();
    const bareReport = await bare.receipts();
    const usageOf = (log: PhaseLog, pid: number) => ({
      cpuMs: log.cpuMs,
      wallMs: log.wallMs,
      rssMb: processUsage(pid).rssMb,
    });
    const oursFigures = figures(
      oursLog.sentAt,
      oursReport.receipts,
      viewers,
      usageOf(oursLog, ours.pid),
    );
    const bareFigures = figures(
      bareLog.sentAt,
      bareReport.receipts,
      viewers,
      usageOf(bareLog, bare.pid),
    );
    const bareFromEmit = figures(
      bareLog.emittedAt,
      bareReport.receipts,
      viewers,
      usageOf(bareLog, bare.pid),
    );
    const row = (name: string, f: Figures) =>
      `${name.padEnd(6)} p50 ${f.p50.toFixed(1).padStart(7)} ms   p99 ${f.p99.toFixed(1).padStart(7)} ms   max ${f.max.toFixed(1).padStart(7)} ms   delivered ${f.delivered}/${f.expected}   server CPU ${f.cpuPct.toFixed(0).padStart(3)} %   RSS ${f.rssMb.toFixed(0)} MB`;
    console.log(row('ours', oursFigures));
    console.log(row('bare', bareFigures));
    console.log(
      `slowest events  ours: ${oursFigures.slowest}\n                bare: ${bareFigures.slowest}`,
    );
    const ratios = rounds.map((logs, i) => {
      const o = figures(
        logs.ours.sentAt,
        oursReport.receipts,
        viewers,
        usageOf(logs.ours, ours.pid),
      );
      const b = figures(
        logs.bare.sentAt,
        bareReport.receipts,
        viewers,
        usageOf(logs.bare, bare.pid),
      );
      console.log(
        `  round ${i + 1}: p99 ours ${o.p99.toFixed(0)} ms, bare ${b.p99.toFixed(0)} ms: ${(o.p99 / b.p99).toFixed(2)}×`,
      );
      return o.p99 / b.p99;
    });
    const median = percentile(
      [...ratios].sort((a, b) => a - b),
      50,
    );
    const lost =
      oursFigures.expected - oursFigures.delivered + bareFigures.expected - bareFigures.delivered;
    console.log(
      `ratio  p50 ${(oursFigures.p50 / bareFigures.p50).toFixed(2)}×   p99 pooled ${(oursFigures.p99 / bareFigures.p99).toFixed(2)}×, median of the rounds ${median.toFixed(2)}×   (budget: p99 ≤ 500 ms and ≤ 1.5× bare at 10,000 viewers: ${oursFigures.p99 <= 500 && median <= 1.5 && lost === 0 ? 'met' : 'NOT met'})`,
    );
    console.log(
      `bare timed from its own emit (the method before December, without its event loop's wait): p50 ${bareFromEmit.p50.toFixed(1)} ms, p99 ${bareFromEmit.p99.toFixed(1)} ms; ours / that: p50 ${(oursFigures.p50 / bareFromEmit.p50).toFixed(2)}×, p99 ${(oursFigures.p99 / bareFromEmit.p99).toFixed(2)}×`,
    );
    const sizes = [...oursReport.bytes].sort((a, b) => a - b);
    console.log(
      `delta JSON bytes: one-team change median ${percentile(sizes, 50)} (budget ≤ 1024); a result moving all ${WARMUP + EVENTS - 1} ranked teams down: ${sizes[sizes.length - 1]}`,
    );
  } finally {
    await bare.close();
    await ours.close();
  }
  process.exit(0);
}

if (runFleetRole()) {
  // the viewers' process
} else if (process.argv.includes('--role=bare')) void bareProcess();
else
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
