/**
 * Benchmark (not a test): what running as replicas costs a viewer (docs/performance.md#replicas).
 * In one run, on PostgreSQL every time, N public viewers of one category (in a process of their
 * own) while a judge confirms one result every 200 ms, in these set-ups:
 *
 *   - one process: the viewers and the judge on the server itself, as one venue laptop would be
 *     (on PostgreSQL, so the only difference from the others is the scale-out);
 *   - one behind HAProxy: the same process behind the balancers (no Redis), the balancer's own cost;
 *   - two replicas with Redis (REDIS_URL, the Socket.IO Redis adapter) behind HAProxy, the viewers
 *     and the judge's entries through the balancer (round robin: half the viewers on each
 *     replica, the entries alternating between them);
 *   and with BENCH_DIRECT=1, two replicas on Redis without a balancer, the entries all to the
 *   first, to time the Redis hop.
 *
 * The set-ups take turns in BENCH_ROUNDS short rounds (default 3, the order reversed every other
 * round) with the same viewers: on a shared machine a change of load between phases would
 * otherwise be measured as a cost. Each round prints p50/p99/max from the confirm sent to a
 * viewer's receipt, deltas lost, each server's CPU share and RSS and the mean time of a score's
 * steps from the servers' own /api/metrics (queue, database lock, checks, insert, standings,
 * commit; fan-out; statements and Redis commands); the end prints the median of the per-round p99
 * ratios beside the pooled p99s, against the budget (≤ 1.3× one process, none lost).
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
/** Measured results per set-up and round. */
const EVENTS = Math.min(54, Number(process.env.BENCH_EVENTS ?? 20));
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));
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
  /** Every viewer's latency of every measured delta (ms), to pool the rounds. */
  latencies: number[];
  /** Mean time of a score's steps and its other costs, from the servers' own metrics. */
  steps: string;
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

/** The servers' own metrics (docs/deploy.md#health-metrics-and-logs), summed over the servers. */
async function scrape(servers: Venue[]): Promise<Map<string, number>> {
  const sums = new Map<string, number>();
  for (const [i, server] of servers.entries()) {
    const text = await (await fetch(`${server.url}/api/metrics`)).text();
    for (const [, name, labels = '', value] of text.matchAll(
      /^([a-z_0-9]+)(\{[^}]*\})? (\S+)$/gm,
    )) {
      // Node's event loop delay since the previous scrape (prom-client resets it at each), per server.
      if (
        name === 'nodejs_eventloop_lag_p99_seconds' ||
        name === 'nodejs_eventloop_lag_max_seconds'
      )
        sums.set(`${name}#${i}`, Number(value));
      if (!name.startsWith('olympiad_')) continue;
      const key = `${name}${labels.replace(/,?le="[^"]*"/, '')}`;
      if (name.endsWith('_bucket')) continue;
      sums.set(key, (sums.get(key) ?? 0) + Number(value));
    }
  }
  return sums;
}

/** What the metrics say one measured score cost on average, between two scrapes. */
function stepFigures(before: Map<string, number>, after: Map<string, number>): string {
  const delta = (key: string) => (after.get(key) ?? 0) - (before.get(key) ?? 0);
  const mean = (name: string, labels = '') => {
    const count = delta(`${name}_count${labels}`);
    return count > 0 ? `${((1000 * delta(`${name}_sum${labels}`)) / count).toFixed(1)}` : '–';
  };
  const sumOf = (prefix: string) =>
    [...after.keys()]
      .filter((key) => key.startsWith(prefix))
      .reduce((sum, key) => sum + delta(key), 0);
  const entries = delta('olympiad_entry_step_seconds_count{step="total"}');
  const per = (value: number, digits = 1) =>
    entries > 0 ? (value / entries).toFixed(digits) : '–';
  const steps = ['queue', 'lock', 'checks', 'insert', 'standings', 'commit', 'total']
    .map((step) => `${step} ${mean('olympiad_entry_step_seconds', `{step="${step}"}`)}`)
    .join(', ');
  const cache = ['current', 'caught_up', 'rebuilt']
    .map((outcome) => `${outcome} ${delta(`olympiad_standings_cache_total{outcome="${outcome}"}`)}`)
    .join(', ');
  // By client and command: a balancer's health checks reach the database and Redis too.
  const redis = [...after.keys()]
    .filter((key) => key.startsWith('olympiad_redis_command_seconds_count') && delta(key) > 0)
    .map((key) => {
      const labels = key.slice('olympiad_redis_command_seconds_count'.length);
      const sum = 1000 * delta(`olympiad_redis_command_seconds_sum${labels}`);
      return `${labels.replace(/client=|command=|"/g, '')} ${per(delta(key))} × ${(sum / delta(key)).toFixed(2)} ms`;
    })
    .join(', ');
  const lag = [...after.keys()]
    .filter((key) => key.startsWith('nodejs_eventloop_lag_p99_seconds#'))
    .map((key) => {
      const max = after.get(key.replace('_p99_', '_max_')) ?? NaN;
      return `${(1000 * (after.get(key) ?? NaN)).toFixed(0)} / ${(1000 * max).toFixed(0)}`;
    })
    .join(' + ');
  return (
    `event loop delay p99 / max (ms): ${lag}; ` +
    `steps (mean ms): ${steps}; fan-out ${mean('olympiad_live_fanout_seconds')} ms; ` +
    `per score: ${per(sumOf('olympiad_db_query_seconds_count'))} statements ` +
    `${per(1000 * sumOf('olympiad_db_query_seconds_sum'))} ms, ` +
    `${per(sumOf('olympiad_redis_command_seconds_count'))} Redis commands ` +
    `${per(1000 * sumOf('olympiad_redis_command_seconds_sum'))} ms; standings in memory: ${cache}` +
    (redis ? `\n  Redis per score: ${redis}` : '')
  );
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
    let metricsBefore = await scrape(setup.servers);
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
        metricsBefore = await scrape(setup.servers);
        wallStart = now();
      }
    }
    await sleep(3_000);
    const after = pids.map(processUsage);
    const steps = stepFigures(metricsBefore, await scrape(setup.servers));
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
    const latencies: number[] = [];
    for (const [v, at] of sentAt) for (const t of receipts[v] ?? []) latencies.push(t - at);
    return {
      name,
      figures: result,
      latencies,
      steps,
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
    helpers.join('') +
    (side.byAddress.length > 1 ? `\n  ${side.byAddress.join('; ')}` : '') +
    `\n  ${side.steps}\n  slowest events: ${f.slowest}`
  );
}

const sortedCopy = (values: number[]) => [...values].sort((a, b) => a - b);
const median = (values: number[]) => {
  const sorted = sortedCopy(values);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

type Kind = 'one process' | 'one behind' | 'two, direct' | 'two replicas';

const SETUPS: Record<Kind, () => Promise<Setup>> = {
  'one process': oneProcess,
  'one behind': () => behindHaproxy(1),
  'two, direct': twoReplicasDirect,
  'two replicas': () => behindHaproxy(2),
};

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
  const kinds: Kind[] = ['one process', 'one behind', 'two replicas'];
  if (process.env.BENCH_DIRECT) kinds.splice(2, 0, 'two, direct');
  const sides = new Map<Kind, Side[]>(kinds.map((kind) => [kind, []]));
  for (let round = 1; round <= ROUNDS; round++) {
    // Every other round the other way round, so a load that rises or falls during a round weighs
    // on each set-up alike.
    const order = round % 2 === 1 ? kinds : [...kinds].reverse();
    console.log(`round ${round} of ${ROUNDS} (load average: ${loadAverage()})`);
    const measured = new Map<Kind, Side>();
    try {
      for (const kind of order) {
        const side = await measure(kind, await SETUPS[kind](), viewers);
        measured.set(kind, side);
        console.log(row(side));
      }
    } catch (error) {
      // A server that does not start in time on the loaded machine: the round is left out whole,
      // as its ratios would compare set-ups measured under different loads.
      console.log(
        `round ${round} left out: ${error instanceof Error ? error.message.split('\n')[0] : error}`,
      );
      continue;
    }
    for (const [kind, side] of measured) sides.get(kind)?.push(side);
  }
  const rounds = sides.get('one process')?.length ?? 0;
  if (rounds === 0) throw new Error('No round completed');

  const p99s = (kind: Kind) => (sides.get(kind) ?? []).map((side) => side.figures.p99);
  const ratios = (over: Kind, under: Kind) => p99s(over).map((p99, i) => p99 / p99s(under)[i]);
  const x = (value: number) => `${value.toFixed(2)}×`;
  console.log('\np99 per round (ms) and ratios:');
  for (let i = 0; i < rounds; i++) {
    console.log(
      `  round ${i + 1}: ${kinds.map((kind) => `${kind} ${p99s(kind)[i].toFixed(0)}`).join(', ')}; ` +
        `two / one ${x(ratios('two replicas', 'one process')[i])}, ` +
        `behind / one ${x(ratios('one behind', 'one process')[i])}, ` +
        `two / behind ${x(ratios('two replicas', 'one behind')[i])}`,
    );
  }
  const pooled = (kind: Kind) => {
    const all = sortedCopy((sides.get(kind) ?? []).flatMap((side) => side.latencies));
    const confirms = sortedCopy((sides.get(kind) ?? []).flatMap((side) => side.confirms));
    const lost = (sides.get(kind) ?? []).reduce((sum, side) => sum + side.lost, 0);
    return {
      p50: percentile(all, 50),
      p99: percentile(all, 99),
      confirm: percentile(confirms, 50),
      lost,
    };
  };
  console.log('pooled over the rounds:');
  for (const kind of kinds) {
    const f = pooled(kind);
    console.log(
      `  ${kind.padEnd(13)} p50 ${f.p50.toFixed(0)} ms, p99 ${f.p99.toFixed(0)} ms, judge's confirm p50 ${f.confirm.toFixed(0)} ms, lost ${f.lost}`,
    );
  }
  const ratio = median(ratios('two replicas', 'one process'));
  const lost = pooled('two replicas').lost;
  const within = ratio <= BUDGET && lost === 0;
  console.log(
    `median of the per-round p99 ratios: two / one ${x(ratio)}, behind / one ${x(median(ratios('one behind', 'one process')))}, ` +
      `two / behind ${x(median(ratios('two replicas', 'one behind')))}; pooled two / one ` +
      `${x(pooled('two replicas').p99 / pooled('one process').p99)} ` +
      `(budget: p99 ≤ ${BUDGET}× and none lost: ${within ? 'met' : 'NOT met'}; load average after: ${loadAverage()})`,
  );
  process.exit(0);
}

if (!runFleetRole())
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
