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
      process.send?.({ kind: 'sent', at: now() });
      server.to('room').emit('standings:delta', message.payload);
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

async function ours(
  viewers: number,
): Promise<{ figures: Figures; payloads: unknown[]; bytes: number[] }> {
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
  try {
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

    // One more viewer in this process keeps the payloads for the bare run.
    const payloads: unknown[] = [];
    const keeper = io(venue.url, { transports: ['websocket'] });
    keeper.on('standings:delta', (delta: unknown) => payloads.push(delta));
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
    if (snapshotDir) {
      process.kill(venue.pid, 'SIGUSR2');
      await sleep(500);
      // The snapshot is written on the server's main thread: its next answer comes after it.
      await request(venue.url).get('/api/health/live').timeout(600_000);
      console.log(`  ours: heap snapshot written to ${snapshotDir}`);
    }

    const sentAt = new Map<number, number>();
    let before = processUsage(venue.pid);
    let wallStart = now();
    let version = (
      await request(venue.url)
        .get(`/api/public/categories/${stage.categoryId}/standings`)
        .expect(200)
    ).body.version as number;
    for (let i = -WARMUP; i < EVENTS; i++) {
      const tick = now();
      // Each new team is slower than the last: a one-team change (its row only). The last result
      // is the fastest of all and pushes every team down one place: the largest delta there is.
      const last = i === EVENTS - 1;
      const response = await request(venue.url)
        .post('/api/ledger')
        .set('Authorization', `Bearer ${judge}`)
        .send(
          mazeAttempt(
            stage,
            stage.teamIds[WARMUP + i],
            1,
            last ? 10_000 : 60_000 + (WARMUP + i) * 1_000,
          ),
        );
      if (response.status !== 201)
        throw new Error(`ledger answered ${response.status}: ${JSON.stringify(response.body)}`);
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
    console.log(
      `  ours: after the results ${memoryLine(idle, await serverMemory(venue.url), viewers)}`,
    );
    if (snapshotDir) {
      // A snapshot holds only what is reachable (V8 collects first): beside the heap used just
      // above, it tells what the results left alive from what was garbage not yet collected.
      process.kill(venue.pid, 'SIGUSR2');
      await sleep(500);
      await request(venue.url).get('/api/health/live').timeout(600_000);
      console.log(
        `  ours: heap snapshot after the results written; then ${memoryLine(idle, await serverMemory(venue.url), viewers)}`,
      );
    }
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
    const report = await fleet.report();
    fleet.close();
    keeper.close();
    return {
      figures: figures(sentAt, report.receipts, viewers, {
        cpuMs: after.cpuMs - before.cpuMs,
        wallMs,
        rssMb: after.rssMb,
      }),
      payloads,
      bytes: report.bytes,
    };
  } finally {
    await venue.stop();
  }
}

/**
 * The bare run's figures from the driver's hand-over (the IPC send, as ours are from the judge's
 * send: both include any wait in the server's own event loop before its broadcast starts) and, for
 * comparison with figures before December, from the bare server's own emit.
 */
async function bare(
  viewers: number,
  payloads: unknown[],
): Promise<{ fromSend: Figures; fromEmit: Figures }> {
  const server = forkRole('bare');
  const { port } = await next<{ port: number }>(server, 'listening');
  const idleRss = processUsage(server.pid ?? 0).rssMb;
  const fleet = ViewerFleet.start();
  const connected = await fleet.connect(`http://127.0.0.1:${port}`, null, viewers);
  console.log(`  bare: ${connected.count} viewers connected (${connected.failed} failed)`);
  await sleep(1_000);
  const joinedRss = processUsage(server.pid ?? 0).rssMb;
  console.log(
    `  bare: RSS ${idleRss.toFixed(0)} MB idle → ${joinedRss.toFixed(0)} MB with the viewers (${((1024 * (joinedRss - idleRss)) / viewers).toFixed(1)} KB a viewer)`,
  );
  const sentAt = new Map<number, number>();
  const emittedAt = new Map<number, number>();
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
    if (i >= 0) {
      sentAt.set(WARMUP + i + 1, tick);
      emittedAt.set(WARMUP + i + 1, at);
    }
    await sleep(Math.max(0, EVERY_MS - (now() - tick)));
    if (i === -1) {
      before = processUsage(pid);
      wallStart = now();
    }
  }
  await sleep(3_000);
  const after = processUsage(pid);
  const wallMs = now() - wallStart;
  const report = await fleet.report();
  fleet.close();
  server.send({ kind: 'close' });
  const usage = { cpuMs: after.cpuMs - before.cpuMs, wallMs, rssMb: after.rssMb };
  return {
    fromSend: figures(sentAt, report.receipts, viewers, usage),
    fromEmit: figures(emittedAt, report.receipts, viewers, usage),
  };
}

async function main(): Promise<void> {
  const viewers = Number(process.argv.find((arg) => /^\d+$/.test(arg)) ?? 1_000);
  const load = loadAverage();
  console.log(
    `live viewers benchmark: ${viewers} viewers, ${EVENTS} results every ${EVERY_MS} ms after ${WARMUP} unmeasured (load average before: ${load})`,
  );
  const ourRun = await ours(viewers);
  const { fromSend: bareRun, fromEmit: bareFromEmit } = await bare(viewers, ourRun.payloads);
  const row = (name: string, f: Figures) =>
    `${name.padEnd(6)} p50 ${f.p50.toFixed(1).padStart(7)} ms   p99 ${f.p99.toFixed(1).padStart(7)} ms   max ${f.max.toFixed(1).padStart(7)} ms   delivered ${f.delivered}/${f.expected}   server CPU ${f.cpuPct.toFixed(0).padStart(3)} %   RSS ${f.rssMb.toFixed(0)} MB`;
  console.log(row('ours', ourRun.figures));
  console.log(row('bare', bareRun));
  console.log(
    `slowest events  ours: ${ourRun.figures.slowest}\n                bare: ${bareRun.slowest}`,
  );
  console.log(
    `ratio  p50 ${(ourRun.figures.p50 / bareRun.p50).toFixed(2)}×   p99 ${(ourRun.figures.p99 / bareRun.p99).toFixed(2)}×   (budget: p99 ≤ 500 ms and ≤ 1.5× bare at 10,000 viewers)`,
  );
  console.log(
    `bare timed from its own emit (the method before December, without its event loop's wait): p50 ${bareFromEmit.p50.toFixed(1)} ms, p99 ${bareFromEmit.p99.toFixed(1)} ms; ours / that: p50 ${(ourRun.figures.p50 / bareFromEmit.p50).toFixed(2)}×, p99 ${(ourRun.figures.p99 / bareFromEmit.p99).toFixed(2)}×`,
  );
  const sizes = [...ourRun.bytes].sort((a, b) => a - b);
  console.log(
    `delta JSON bytes: one-team change median ${percentile(sizes, 50)} (budget ≤ 1024); a result moving all ${EVENTS - 1} ranked teams down: ${sizes[sizes.length - 1]}`,
  );
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
