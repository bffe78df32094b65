import { Client } from 'pg';
import request from 'supertest';
import {
  describeOnPostgres,
  freshPostgresDatabase,
  testPostgresUrl,
} from '../support/fresh-postgres';
import { RedisServer } from '../support/redis';
import { StandingsViewer } from '../support/standings-viewer';
import { startVenue, type Venue } from '../support/start-venue';
import { createMazeStage, judgeToken, mazeAttempt, organiserToken } from '../support/venue-api';

/**
 * What a load balancer and an operator ask each replica (docs/deploy.md#health-metrics-and-logs):
 * liveness, readiness, Prometheus metrics and JSON logs with a request id.
 */
describe('a replica behind a load balancer', () => {
  const venues: Venue[] = [];
  afterAll(() => Promise.all(venues.map((venue) => venue.stop())));

  async function started(env: Record<string, string> = {}): Promise<Venue> {
    const venue = await startVenue({ env });
    venues.push(venue);
    return venue;
  }

  it('answers live and ready with 200, and the detailed /api/health as before', async () => {
    const venue = await started();
    const live = await request(venue.url).get('/api/health/live').expect(200);
    expect(live.body.status).toBe('ok');
    const ready = await request(venue.url).get('/api/health/ready').expect(200);
    expect(ready.body).toEqual({
      status: 'ok',
      details: { database: { status: 'up' }, mqtt: { status: 'up' } },
    });
    const health = await request(venue.url).get('/api/health').expect(200);
    expect(health.body.status).toBe('ok');
    expect(health.body.database.ready).toBe(true);
  });

  it('answers ready with 503 from the stop signal on, while it still serves during the drain', async () => {
    const venue = await started({ SHUTDOWN_DRAIN_MS: '60000' });
    await request(venue.url).get('/api/health/ready').expect(200);
    process.kill(venue.pid, 'SIGTERM');
    // The signal is handled by the server's event loop: ask until it has been (the drain is long).
    let answer = await request(venue.url).get('/api/health/ready');
    while (answer.status === 200) answer = await request(venue.url).get('/api/health/ready');
    expect(answer.status).toBe(503);
    expect(answer.body.status).toBe('shutting_down');
    // Still up for the balancer to notice: liveness answers.
    await request(venue.url).get('/api/health/live').expect(200);
    await venue.kill();
  });

  it('with REDIS_URL checks Redis too: 503 while it is down, 200 once it answers again', async () => {
    const redis = await RedisServer.start();
    try {
      const venue = await started({ REDIS_URL: redis.url });
      const ready = await request(venue.url).get('/api/health/ready').expect(200);
      expect(ready.body.details.redis).toEqual({ status: 'up' });

      await redis.stop();
      const down = await request(venue.url).get('/api/health/ready').expect(503);
      expect(down.body.status).toBe('error');
      expect(down.body.details.redis.status).toBe('down');
      expect(down.body.details.database.status).toBe('up');

      await redis.start();
      // The probe's connection comes back by itself: ask until it has.
      let again = await request(venue.url).get('/api/health/ready');
      while (again.status !== 200) again = await request(venue.url).get('/api/health/ready');
      expect(again.body.details.redis).toEqual({ status: 'up' });
    } finally {
      await redis.close();
    }
  });

  it('counts a recorded ledger entry in /api/metrics, with the process metrics and requests by route', async () => {
    const venue = await started();
    const organiser = await organiserToken(venue);
    const stage = await createMazeStage(venue, organiser, { teams: 1 });
    const judge = await judgeToken(venue, stage.stageCode, stage.judge.pin);
    const recorded = (text: string) =>
      Number(
        /^olympiad_ledger_entries_recorded_total\{kind="maze.attempt"\} (\d+)$/m.exec(text)?.[1] ??
          0,
      );

    const before = await request(venue.url).get('/api/metrics').expect(200);
    expect(before.headers['content-type']).toMatch(/^text\/plain/);
    await request(venue.url)
      .post('/api/ledger')
      .set('Authorization', `Bearer ${judge}`)
      .send(mazeAttempt(stage, stage.teamIds[0], 1, 50_000))
      .expect(201);
    const after = (await request(venue.url).get('/api/metrics').expect(200)).text;

    expect(recorded(after)).toBe(recorded(before.text) + 1);
    expect(after).toMatch(/^process_cpu_user_seconds_total /m);
    expect(after).toMatch(
      /^olympiad_http_requests_total\{method="POST",route="\/api\/ledger",status="201"\} 1$/m,
    );
    expect(after).toMatch(/^olympiad_sensor_events_total\{outcome="accepted",reason=""\} 0$/m);
    expect(after).toMatch(/^olympiad_live_clients 0$/m);
    // docs/performance.md#memory-per-viewer: the V8 heap growth the server set for itself.
    expect(after).toMatch(/^olympiad_heap_growing_percent 30$/m);
  });

  it('reports live clients per room kind, fan-out time, database and Redis timings, each moving with what the replica does', async () => {
    const redis = await RedisServer.start();
    let viewer: StandingsViewer | undefined;
    try {
      const venue = await started({ REDIS_URL: redis.url });
      const organiser = await organiserToken(venue);
      const stage = await createMazeStage(venue, organiser, { teams: 1 });
      const judge = await judgeToken(venue, stage.stageCode, stage.judge.pin);
      const scrape = async () => (await request(venue.url).get('/api/metrics').expect(200)).text;
      /** The value of a series (summed over the series whose labels include `labels`). */
      const value = (text: string, name: string, labels: Record<string, string> = {}) => {
        let sum = 0;
        for (const [, found, number] of text.matchAll(
          new RegExp(`^${name}(?:\\{([^}]*)\\})? (\\S+)$`, 'gm'),
        )) {
          const has = Object.entries(labels).every(([key, label]) =>
            (found ?? '').split(',').includes(`${key}="${label}"`),
          );
          if (has) sum += Number(number);
        }
        return sum;
      };
      const categoryStaff = { room_kind: 'category', audience: 'staff' };

      const before = await scrape();
      expect(value(before, 'olympiad_live_room_clients', categoryStaff)).toBe(0);
      expect(before).toMatch(
        /^olympiad_live_room_clients\{room_kind="stage",audience="public"\} 0$/m,
      );

      viewer = await StandingsViewer.open(venue.url, organiser, stage.categoryId);
      const joined = await scrape();
      expect(value(joined, 'olympiad_live_room_clients', categoryStaff)).toBe(1);
      expect(value(joined, 'olympiad_live_clients')).toBe(1);

      const version = viewer.current.version;
      await request(venue.url)
        .post('/api/ledger')
        .set('Authorization', `Bearer ${judge}`)
        .send(mazeAttempt(stage, stage.teamIds[0], 1, 50_000))
        .expect(201);
      await viewer.reach(version + 1);
      // The readiness probe pings Redis through its own timed connection before it answers.
      await request(venue.url).get('/api/health/ready').expect(200);
      const after = await scrape();

      expect(value(after, 'olympiad_live_fanout_seconds_count')).toBe(
        value(before, 'olympiad_live_fanout_seconds_count') + 1,
      );
      expect(value(after, 'olympiad_live_fanout_seconds_sum')).toBeGreaterThan(0);
      for (const statement of ['insert', 'select', 'commit']) {
        expect(value(after, 'olympiad_db_query_seconds_count', { statement })).toBeGreaterThan(
          value(before, 'olympiad_db_query_seconds_count', { statement }),
        );
      }
      const pings = { client: 'health', command: 'ping' };
      expect(value(after, 'olympiad_redis_command_seconds_count', pings)).toBeGreaterThan(
        value(before, 'olympiad_redis_command_seconds_count', pings),
      );
      // The adapter's PUBLISH of the delta is answered by Redis after the entry's answer: ask until
      // its timing is in.
      const published = { client: 'fan-out', command: 'publish' };
      let later = after;
      while (
        value(later, 'olympiad_redis_command_seconds_count', published) <=
        value(before, 'olympiad_redis_command_seconds_count', published)
      ) {
        later = await scrape();
      }

      viewer.close();
      viewer = undefined;
      // The server hears of the disconnect after the client closes: ask until both counts drop.
      let left = await scrape();
      while (
        value(left, 'olympiad_live_room_clients', categoryStaff) +
          value(left, 'olympiad_live_clients') !==
        0
      ) {
        left = await scrape();
      }
    } finally {
      viewer?.close();
      await redis.close();
    }
  });

  it('with LOG_FORMAT=json prints JSON lines, the request carrying its id', async () => {
    const venue = await started({ LOG_FORMAT: 'json' });
    const answer = await request(venue.url)
      .get('/api/health/live')
      .set('X-Request-Id', 'probe-from-balancer-1')
      .expect(200);
    expect(answer.headers['x-request-id']).toBe('probe-from-balancer-1');
    const fresh = await request(venue.url).get('/api/health').expect(200);
    const freshId = fresh.headers['x-request-id'] as string;
    expect(freshId).toMatch(/^[0-9a-f-]{36}$/);

    // pino writes the request's line when the answer is sent: wait for it, then read every line.
    const lines = () => venue.output().trimEnd().split('\n');
    while (!venue.output().includes(freshId))
      await new Promise((resolve) => setTimeout(resolve, 20));
    const records = lines().map((line) => JSON.parse(line) as Record<string, unknown>);
    const requests = records.filter((record) => record['req'] !== undefined) as {
      req: { id: string; url: string };
    }[];
    expect(requests.map((record) => [record.req.id, record.req.url])).toEqual(
      expect.arrayContaining([
        ['probe-from-balancer-1', '/api/health/live'],
        [freshId, '/api/health'],
      ]),
    );
    expect(records.some((record) => record['msg'] === undefined)).toBe(false);
    expect(venue.output()).toMatch(/"msg":"Venue server is up on port \d+/);
  });
});

// A SQLite file stays readable to the process that opened it, so the unreachable database is a
// PostgreSQL one that stops taking connections.
describeOnPostgres('a replica whose database is unreachable (PostgreSQL)', () => {
  let venue: Venue | undefined;
  let database = '';
  afterAll(async () => {
    await venue?.stop();
    const admin = new Client({ connectionString: testPostgresUrl });
    await admin.connect();
    await admin.query(`ALTER DATABASE ${database} ALLOW_CONNECTIONS true`).catch(() => undefined);
    await admin.end();
  });

  it('answers ready with 503 naming the database, and live with 200', async () => {
    const url = await freshPostgresDatabase();
    database = new URL(url).pathname.slice(1);
    venue = await startVenue({ env: { DATABASE_URL: url } });
    await request(venue.url).get('/api/health/ready').expect(200);

    const admin = new Client({ connectionString: testPostgresUrl });
    await admin.connect();
    await admin.query(`ALTER DATABASE ${database} ALLOW_CONNECTIONS false`);
    await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`, [
      database,
    ]);
    await admin.end();

    const ready = await request(venue.url).get('/api/health/ready').expect(503);
    expect(ready.body.status).toBe('error');
    expect(ready.body.details.database.status).toBe('down');
    expect(ready.body.details.mqtt.status).toBe('up');
    await request(venue.url).get('/api/health/live').expect(200);
  });
});
