/**
 * Benchmark (not a test), docs/federation.md: a 300-team regional day (3,000 ledger entries)
 * reaching the republic server through a link throttled to 256 kbit/s with 300 ms round trips.
 *
 * 1. Catch-up: the link is cut while the whole day is recorded at the venue; then it comes back.
 *    Time until the republic holds every entry, bytes through the link per entry, and beside it the
 *    floor: the same number of bytes copied raw through a proxy with the same settings.
 * 2. Live: with the link up (same throttle), entries recorded one after another; for each, the
 *    time from the venue's acceptance until the republic holds it: p50, p99.
 *
 * Budgets: catch-up ≤ 60 s and ≤ 2× the raw copy; p99 ≤ 5 s.
 * Run: `npm run bench:federation` (needs the built API: `npx nx run api:build`). The republic runs
 * on SQLite unless BENCH_REPUBLIC_DATABASE_URL names a PostgreSQL database.
 */
import { performance } from 'node:perf_hooks';
import request from 'supertest';
import { createRegionalStageOnRepublic, issueLinkCode, linkVenue } from '../support/federation';
import { startVenue } from '../support/start-venue';
import { rawCopyThrough, startTcpProxy } from '../support/tcp-proxy';
import { mazeAttempt, organiserToken } from '../support/venue-api';

const TEAMS = Number(process.env.BENCH_TEAMS ?? 300);
const ATTEMPTS = 10;
const CATEGORIES = 4;
const LIVE_ENTRIES = Number(process.env.BENCH_LIVE_ENTRIES ?? 100);
const LIVE_GAP_MS = Number(process.env.BENCH_LIVE_GAP_MS ?? 250);
const BANDWIDTH = 256_000 / 8;
const ONE_WAY_MS = 150;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

async function main(): Promise<void> {
  const republicEnv: Record<string, string> = process.env.BENCH_REPUBLIC_DATABASE_URL
    ? { DATABASE_URL: process.env.BENCH_REPUBLIC_DATABASE_URL }
    : {};
  const republic = await startVenue({ env: republicEnv });
  const venue = await startVenue();
  const proxy = await startTcpProxy({
    target: { host: '127.0.0.1', port: republic.port },
    bandwidth: BANDWIDTH,
    latencyMs: ONE_WAY_MS,
  });
  const stop = async () => {
    await Promise.all([venue.stop(), republic.stop()]);
    await proxy.close();
  };
  try {
    const republicToken = await organiserToken(republic);
    const venueToken = await organiserToken(venue);
    const venueAuth = { Authorization: `Bearer ${venueToken}` };
    const republicAuth = { Authorization: `Bearer ${republicToken}` };
    const linked = await createRegionalStageOnRepublic(republic, republicToken);
    const code = await issueLinkCode(
      { ...republic, url: `http://127.0.0.1:${proxy.port}` },
      republicToken,
      linked.stageId,
    );
    await linkVenue(venue, venueToken, code);
    const post = (path: string, body: object) =>
      request(venue.url).post(path).set(venueAuth).send(body);

    // ---------------------------------------------------------------- the day, recorded offline
    proxy.cut();
    const school = (
      await post('/api/schools', { name: 'Ақтөбе №21 мектебі', regionCode: 'aktobe' }).expect(201)
    ).body;
    const categoryIds: string[] = [];
    for (let c = 0; c < CATEGORIES; c++) {
      const category = await post('/api/categories', {
        stageId: linked.stageId,
        discipline: 'maze',
        ageGroup: { label: `${c + 1}`, minGrade: 1, maxGrade: 11 },
        name: `Maze ${c + 1}`,
        preset: 'maze-default',
        params: { attempts: ATTEMPTS },
      }).expect(201);
      categoryIds.push(category.body.id);
    }
    const teams: { categoryId: string; teamId: string }[] = [];
    for (let i = 0; i < TEAMS; i++) {
      const categoryId = categoryIds[i % CATEGORIES];
      const team = await post('/api/teams', {
        stageId: linked.stageId,
        schoolId: school.id,
        categoryId,
        name: `Команда ${i + 1}`,
        members: [
          { name: `Әлихан Сейітов ${i + 1}`, grade: 5 },
          { name: `Аружан Қасымова ${i + 1}`, grade: 6 },
        ],
      }).expect(201);
      teams.push({ categoryId, teamId: team.body.id });
    }
    await request(venue.url)
      .patch(`/api/stages/${linked.stageId}`)
      .set(venueAuth)
      .send({ status: 'live' })
      .expect(200);
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      for (const [index, team] of teams.entries()) {
        const timeMs = 30_000 + ((index * 7919 + attempt * 104_729) % 60_000);
        await post('/api/ledger', mazeAttempt(team, team.teamId, attempt, timeMs)).expect(201);
      }
    }
    for (const categoryId of categoryIds)
      await post(`/api/categories/${categoryId}/publish`, {}).expect(200);
    const total = TEAMS * ATTEMPTS;
    console.log(`Recorded at the venue with the link cut: ${TEAMS} teams, ${total} ledger entries`);

    // ---------------------------------------------------------------- catch-up
    const before = proxy.stats();
    const start = performance.now();
    proxy.restore();
    for (;;) {
      const status = (
        await request(venue.url).get('/api/federation/link').set(venueAuth).expect(200)
      ).body[0];
      if (status.pendingEntries === 0 && !status.pendingChanges) break;
      if (performance.now() - start > 600_000) throw new Error('No catch-up within 10 minutes');
      await sleep(100);
    }
    const catchUpMs = performance.now() - start;
    const after = proxy.stats();
    const up = after.bytesUp - before.bytesUp;
    const down = after.bytesDown - before.bytesDown;
    let held = 0;
    for (const categoryId of categoryIds) {
      const ledger = await request(republic.url)
        .get(`/api/categories/${categoryId}/ledger`)
        .set(republicAuth)
        .expect(200);
      held += (ledger.body as unknown[]).length;
    }
    if (held !== total) throw new Error(`The republic holds ${held} entries, not ${total}`);
    const rawMs = await rawCopyThrough(proxy, Buffer.alloc(up, 7));

    // ---------------------------------------------------------------- live
    const latencies: number[] = [];
    // A fresh category keeps the republic's ledger list short while it is polled.
    const live = await post('/api/categories', {
      stageId: linked.stageId,
      discipline: 'maze',
      ageGroup: { label: 'live', minGrade: 1, maxGrade: 11 },
      name: 'Maze live',
      preset: 'maze-default',
      params: { attempts: ATTEMPTS },
    }).expect(201);
    const liveTeams: string[] = [];
    for (let i = 0; i < Math.ceil(LIVE_ENTRIES / ATTEMPTS); i++) {
      const team = await post('/api/teams', {
        stageId: linked.stageId,
        schoolId: school.id,
        categoryId: live.body.id,
        name: `Тікелей ${i + 1}`,
        members: [{ name: `Ерлан ${i + 1}`, grade: 5 }],
      }).expect(201);
      liveTeams.push(team.body.id);
    }
    await sleep(5_000);
    const seen = new Map<string, number>();
    let polling = true;
    const poller = (async () => {
      while (polling) {
        const ledger = await request(republic.url)
          .get(`/api/categories/${live.body.id}/ledger`)
          .set(republicAuth);
        const at = performance.now();
        for (const row of (ledger.body as { id: string }[]) ?? [])
          if (!seen.has(row.id)) seen.set(row.id, at);
        await sleep(25);
      }
    })();
    const accepted = new Map<string, number>();
    for (let n = 0; n < LIVE_ENTRIES; n++) {
      const teamId = liveTeams[n % liveTeams.length];
      const entry = mazeAttempt(
        { categoryId: live.body.id },
        teamId,
        Math.floor(n / liveTeams.length) + 1,
        40_000 + n,
      );
      await post('/api/ledger', entry).expect(201);
      accepted.set(entry.id, performance.now());
      await sleep(LIVE_GAP_MS);
    }
    const liveStart = performance.now();
    while (seen.size < LIVE_ENTRIES && performance.now() - liveStart < 60_000) await sleep(100);
    polling = false;
    await poller;
    for (const [id, at] of accepted) {
      const arrived = seen.get(id);
      if (arrived === undefined) throw new Error(`Entry ${id} never reached the republic`);
      latencies.push(arrived - at);
    }

    const p50 = percentile(latencies, 50);
    const p99 = percentile(latencies, 99);
    const line = (label: string, value: string) => console.log(`  ${label.padEnd(44)} ${value}`);
    console.log(
      `\nFederation sync, link ${(BANDWIDTH * 8) / 1000} kbit/s, ${ONE_WAY_MS * 2} ms round trip, republic on ${republicEnv.DATABASE_URL ? 'PostgreSQL' : 'SQLite'}`,
    );
    line('catch-up of the whole day', `${(catchUpMs / 1000).toFixed(1)} s`);
    line('bytes venue → republic', `${up} (${(up / total).toFixed(1)} per entry)`);
    line('bytes republic → venue', `${down} (${(down / total).toFixed(1)} per entry)`);
    line('raw copy of the same bytes (floor)', `${(rawMs / 1000).toFixed(1)} s`);
    line('catch-up / raw copy', `${(catchUpMs / rawMs).toFixed(2)}×`);
    line(
      `entry → republic, ${LIVE_ENTRIES} entries every ${LIVE_GAP_MS} ms`,
      `p50 ${(p50 / 1000).toFixed(2)} s, p99 ${(p99 / 1000).toFixed(2)} s`,
    );
    const verdicts = [
      ['catch-up ≤ 60 s', catchUpMs <= 60_000],
      ['catch-up ≤ 2× raw copy', catchUpMs <= 2 * rawMs],
      ['p99 ≤ 5 s', p99 <= 5_000],
    ] as const;
    console.log('');
    for (const [budget, ok] of verdicts) console.log(`  ${ok ? 'within' : 'OVER  '} ${budget}`);
  } finally {
    await stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
