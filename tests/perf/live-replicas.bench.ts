/**
 * Benchmark (not a test): what running as replicas costs a viewer (docs/performance.md#replicas).
 * In one run, on PostgreSQL both times, N public viewers of one category (in a process of their
 * own) while a judge confirms one result every 200 ms:
 *
 *   1. one process: the viewers and the judge on the server itself, as one venue laptop would be
 *      (on PostgreSQL, so the only difference from 2 is the scale-out);
 *   2. two replicas with Redis (REDIS_URL, the Socket.IO Redis adapter) behind HAProxy, the viewers
 *      and the judge's entries through the balancer (round robin: half the viewers on each
 *      replica, the entries alternating between them);
 *   and with BENCH_ONE_BEHIND_HAPROXY=1, between the two, one process behind the same balancers
 *   (no Redis), to tell the balancer's share of the cost from the replicas'; with BENCH_DIRECT=1,
 *   two replicas on Redis without a balancer, the entries all to the first, to time the Redis hop.
 *
 * Prints p50/p99/max from the confirm sent to a viewer's receipt, deltas lost, each server's CPU
 * share and RSS, and the p99 ratio against the budget (≤ 1.3× one process, none lost).
 *
 * The balancer tier is two HAProxy processes, each in front of both replicas for half the viewers:
 * one HAProxy holds two descriptors per viewer, and a process here may open 20,000 at most
 * (`ulimit -Hn`), too few for 10,000 viewers through one.
 *
 * Run through the throwaway PostgreSQL of `npm test` (docs/testing.md), after building the API:
 *   npm test -- npm run bench:replicas -- 10000
 */
import { spawnSync } from 'node:child_process';
import request from 'supertest';
import { freshPostgresDatabase } from '../support/fresh-postgres';
import { HaproxyBalancer } from '../support/haproxy';
import { RedisServer } from '../support/redis';
import { startVenue, type Venue } from '../support/start-venue';
import {
  createMazeStage,
  judgeToken,
  mazeAttempt,
  organiserToken,
  publishLive,
  type StageFixture,
} from '../support/venue-api';
import {
  ViewerFleet,
  figures,
  loadAverage,
  now,
  percentile,
  processUsage,
  runFleetRole,
  sleep,
  type Figures,
} from './support/viewer-fleet';

/** Results before the measured ones (JIT, caches, first queries), on both sides alike. */
const WARMUP = 5;
const EVENTS = Math.min(54, Number(process.env.BENCH_EVENTS ?? 50));
const EVERY_MS = 200;
const TEAMS = 60;
/** p99 of the replicas ≤ this × one process's (docs/performance.md#replicas). */
const BUDGET = 1.3;

interface Side {
  name: string;
  figures: Figures;
  /** Deltas a viewer should have had and did not. */
  lost: number;
  /** Viewers on each server, from its own /api/metrics. */
  split: number[];
  servers: { cpuPct: number; rssMb: number }[];
  helpers: { name: string; cpuPct: number }[];
  /** p50 and p99 of the viewers of each address. */
  byAddress: string[];
  /** The judge's wait for the 201, sorted (ms). */
  confirms: number[];
}

interface Setup {
  /** Where the judge sends entries and the viewers connect (one server, or a balancer). */
  entryUrl: string;
  viewerUrls: string[];
  /** What each address is, for the figures by address. */
  viewerNames?: string[];
  servers: Venue[];
  /** The balancers' and Redis's processes, whose CPU share is printed too. */
  helpers: { name: string; pid: number }[];
  stop(): Promise<void>;
}

async function oneProcess(): Promise<Setup> {
  const venue = await startVenue({ env: { DATABASE_URL: await freshPostgresDatabase() } });
  return {
    entryUrl: venue.url,
    viewerUrls: [venue.url],
    servers: [venue],
    helpers: [],
    stop: () => venue.stop(),
  };
}

/** `count` servers behind HAProxy; with more than one, on one Redis (REDIS_URL). */
async function behindHaproxy(count: 1 | 2): Promise<Setup> {
  const redis = count > 1 ? await RedisServer.start() : undefined;
  const env = {
    DATABASE_URL: await freshPostgresDatabase(),
    ...(redis ? { REDIS_URL: redis.url } : {}),
  };
  // One after the other: the first runs the migrations, the second finds them done.
  const replicas = [await startVenue({ env })];
  if (count > 1) replicas.push(await startVenue({ env }));
  const ports = replicas.map((replica) => replica.port);
  // A health check may take 2 s: with the default (200 ms) a replica busy sending a delta to its
  // 5,000 viewers on this shared machine fails two checks, is taken out and the judge gets 503.
  const balancers = [
    await HaproxyBalancer.start(ports, 'roundrobin', '2s'),
    await HaproxyBalancer.start(ports, 'roundrobin', '2s'),
  ];
  for (const balancer of balancers) {
    await balancer.waitFor(
      async () => Object.values(await balancer.states()).every((state) => state === 'UP'),
      'every replica up',
    );
  }
  return {
    entryUrl: balancers[0].url,
    viewerUrls: balancers.map((balancer) => balancer.url),
    servers: replicas,
    helpers: [
      ...balancers.map((balancer) => ({ name: 'HAProxy', pid: pidListeningOn(balancer.port) })),
      ...(redis ? [{ name: 'Redis', pid: pidListeningOn(redis.port) }] : []),
    ],
    stop: async () => {
      await Promise.all(balancers.map((balancer) => balancer.stop()));
      await Promise.all(replicas.map((replica) => replica.stop()));
      await redis?.close();
    },
  };
}

/**
 * BENCH_DIRECT=1: two replicas on Redis without a balancer, half the viewers on each and every
 * entry sent to the first, to tell the Redis hop (the second replica's viewers) from the rest.
 */
async function twoReplicasDirect(): Promise<Setup> {
  const redis = await RedisServer.start();
  const env = { DATABASE_URL: await freshPostgresDatabase(), REDIS_URL: redis.url };
  const replicas = [await startVenue({ env })];
  replicas.push(await startVenue({ env }));
  return {
    entryUrl: replicas[0].url,
    viewerUrls: replicas.map((replica) => replica.url),
    viewerNames: ['on the replica taking the entries', 'on the other, through Redis'],
    servers: replicas,
    helpers: [{ name: 'Redis', pid: pidListeningOn(redis.port) }],
    stop: async () => {
      await Promise.all(replicas.map((replica) => replica.stop()));
      await redis.close();
    },
  };
}

/** The process listening on a loopback port (`ss`), to read its CPU time. */
function pidListeningOn(port: number): number {
  const listing = spawnSync('ss', ['-Hltnp', `sport = :${port}`], { encoding: 'utf8' }).stdout;
  return Number(/pid=(\d+)/.exec(listing)?.[1] ?? 0);
}

async function liveViewers(url: string): Promise<number> {
  const text = await (await fetch(`${url}/api/metrics`)).text();
  const line = /^olympiad_live_clients(?:\{[^}]*\})? (\S+)$/m.exec(text);
  return line ? Number(line[1]) : NaN;
}

async function measure(name: string, setup: Setup, viewers: number): Promise<Side> {
  try {
    const [first] = setup.servers;
    const organiser = await organiserToken(first);
    const stage: StageFixture = await createMazeStage(first, organiser, { teams: TEAMS });
    await publishLive(first, organiser, stage);
    const judge = await judgeToken(first, stage.stageCode, stage.judge.pin);

    // One fleet per address, so the figures can be told apart by where the viewers connected.
    const fleets = setup.viewerUrls.map(() => ViewerFleet.start());
    const room = { kind: 'category' as const, id: stage.categoryId };
    const share = Math.floor(viewers / setup.viewerUrls.length);
    const counts = setup.viewerUrls.map((_, i) =>
      i === 0 ? viewers - share * (setup.viewerUrls.length - 1) : share,
    );
    let failed = 0;
    for (const [i, url] of setup.viewerUrls.entries()) {
      failed += (await fleets[i].connect(url, room, counts[i])).failed;
    }
    const split = await Promise.all(setup.servers.map((server) => liveViewers(server.url)));
    console.log(
      `  ${name}: ${viewers} viewers joined (${failed} failed), per server ${split.join(' + ')}`,
    );
    await sleep(1_000);

    const sentAt = new Map<number, number>();
    const confirms: number[] = [];
    const pids = [...setup.servers, ...setup.helpers].map((owner) => owner.pid);
    let before = pids.map(processUsage);
    let wallStart = now();
    let version = (
      await request(setup.entryUrl)
        .get(`/api/public/categories/${stage.categoryId}/standings`)
        .expect(200)
    ).body.version as number;
    for (let i = -WARMUP; i < EVENTS; i++) {
      const tick = now();
      // Each new team is slower than the last: a one-team change, as in live-viewers.bench.ts.
      const response = await request(setup.entryUrl)
        .post('/api/ledger')
        .set('Authorization', `Bearer ${judge}`)
        .send(mazeAttempt(stage, stage.teamIds[WARMUP + i], 1, 60_000 + (WARMUP + i) * 1_000));
      if (response.status !== 201)
        throw new Error(`ledger answered ${response.status}: ${JSON.stringify(response.body)}`);
      version += 1;
      if (i >= 0) {
        sentAt.set(version, tick);
        confirms.push(now() - tick);
      }
      await sleep(Math.max(0, EVERY_MS - (now() - tick)));
      if (i === -1) {
        before = pids.map(processUsage);
        wallStart = now();
      }
    }
    await sleep(3_000);
    const after = pids.map(processUsage);
    const wallMs = now() - wallStart;
    const reports = await Promise.all(fleets.map((fleet) => fleet.report()));
    fleets.forEach((fleet) => fleet.close());
    const receipts: Record<number, number[]> = {};
    for (const report of reports)
      for (const [v, list] of Object.entries(report.receipts))
        (receipts[Number(v)] ??= []).push(...list);
    const byAddress = reports.map((report, i) => {
      const own = figures(sentAt, report.receipts, counts[i], { cpuMs: 0, wallMs, rssMb: 0 });
      return `${setup.viewerNames?.[i] ?? setup.viewerUrls[i]}: p50 ${own.p50.toFixed(0)} ms, p99 ${own.p99.toFixed(0)} ms`;
    });
    const cpuPct = (i: number) => (100 * (after[i].cpuMs - before[i].cpuMs)) / wallMs;
    const servers = setup.servers.map((_, i) => ({ cpuPct: cpuPct(i), rssMb: after[i].rssMb }));
    const helpers = setup.helpers.map((helper, i) => ({
      name: helper.name,
      cpuPct: cpuPct(setup.servers.length + i),
    }));
    const result = figures(sentAt, receipts, viewers, { cpuMs: 0, wallMs, rssMb: 0 });
    // A viewer gets each version once (the server sends it once per socket): what is missing is lost.
    const lost = [...sentAt.keys()].reduce(
      (sum, v) => sum + Math.max(0, viewers - (receipts[v]?.length ?? 0)),
      0,
    );
    return {
      name,
      figures: result,
      lost,
      split,
      servers,
      helpers,
      confirms: confirms.sort((a, b) => a - b),
      byAddress,
    };
  } finally {
    await setup.stop();
  }
}

function row(side: Side): string {
  const f = side.figures;
  const ms = (value: number) => `${value.toFixed(1).padStart(7)} ms`;
  const servers = side.servers
    .map((server) => `${server.cpuPct.toFixed(0)} % ${server.rssMb.toFixed(0)} MB`)
    .join(' + ');
  const helpers = side.helpers.map((helper) => `   ${helper.name} ${helper.cpuPct.toFixed(0)} %`);
  return (
    `${side.name.padEnd(13)} p50 ${ms(f.p50)}   p99 ${ms(f.p99)}   max ${ms(f.max)}   ` +
    `delivered ${f.delivered}/${f.expected}   lost ${side.lost}   ` +
    `judge's confirm p50 ${ms(percentile(side.confirms, 50))}   servers (CPU, RSS) ${servers}` +
    helpers.join('')
  );
}

async function main(): Promise<void> {
  const viewers = Number(process.argv.find((arg) => /^\d+$/.test(arg)) ?? 1_000);
  if (!process.env.TEST_POSTGRES_URL) {
    throw new Error(
      'No PostgreSQL: run it through npm test, e.g. `npm test -- npm run bench:replicas -- 10000`',
    );
  }
  console.log(
    `live replicas benchmark: ${viewers} viewers, ${EVENTS} results every ${EVERY_MS} ms after ${WARMUP} unmeasured, PostgreSQL (load average before: ${loadAverage()})`,
  );
  const one = await measure('one process', await oneProcess(), viewers);
  // BENCH_ONE_BEHIND_HAPROXY=1: also one process behind the balancers, to tell their cost apart.
  const behind = process.env.BENCH_ONE_BEHIND_HAPROXY
    ? await measure('one behind', await behindHaproxy(1), viewers)
    : undefined;
  const direct = process.env.BENCH_DIRECT
    ? await measure('two, direct', await twoReplicasDirect(), viewers)
    : undefined;
  const two = await measure('two replicas', await behindHaproxy(2), viewers);
  for (const side of [one, behind, direct, two]) {
    if (!side) continue;
    console.log(row(side));
    if (side.byAddress.length > 1) console.log(`  ${side.byAddress.join('; ')}`);
  }
  console.log(
    `slowest events  one process: ${one.figures.slowest}\n                two replicas: ${two.figures.slowest}`,
  );
  const ratio = two.figures.p99 / one.figures.p99;
  const within = ratio <= BUDGET && two.lost === 0;
  console.log(
    `ratio two replicas / one process: p50 ${(two.figures.p50 / one.figures.p50).toFixed(2)}×   p99 ${ratio.toFixed(2)}× ` +
      `(budget: p99 ≤ ${BUDGET}× and none lost: ${within ? 'met' : 'NOT met'}; load average after: ${loadAverage()})`,
  );
  process.exit(0);
}

if (!runFleetRole())
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
