import type { StandingsSnapshot } from '@olympiad/contracts';
import request from 'supertest';
import { describeOnPostgres, freshPostgresDatabase } from '../support/fresh-postgres';
import { HaproxyBalancer } from '../support/haproxy';
import { RedisServer } from '../support/redis';
import { placesOf, StandingsViewer } from '../support/standings-viewer';
import { startVenue, TEST_ADMIN, type Venue } from '../support/start-venue';
import { createMazeStage, mazeAttempt, type StageFixture } from '../support/venue-api';

// docs/deploy.md#haproxy-in-front: two replicas on one PostgreSQL and Redis behind HAProxy. The
// balancer sends everything to replica 1 while it is up (`balance first`), so the test knows
// where the viewer is, then to replica 2 once its health checks mark replica 1 down.
describeOnPostgres('two replicas behind HAProxy (PostgreSQL, Redis)', () => {
  let redis: RedisServer;
  let replicas: Venue[] = [];
  let balancer: HaproxyBalancer;
  let viewer: StandingsViewer | undefined;
  let stage: StageFixture;
  let organiser: string;
  let judge: string;
  const acknowledged: string[] = [];

  /** A judge's entry sent through the balancer; kept once it is acknowledged. */
  const record = async (teamIndex: number, attempt: number, timeMs: number) => {
    const entry = mazeAttempt(stage, stage.teamIds[teamIndex], attempt, timeMs);
    await request(balancer.url)
      .post('/api/ledger')
      .set('Authorization', `Bearer ${judge}`)
      .send(entry)
      .expect(201);
    acknowledged.push(entry.id);
  };
  const get = async <T>(url: string, path: string) =>
    (await request(url).get(path).set('Authorization', `Bearer ${organiser}`).expect(200))
      .body as T;
  const standingsOn = (url: string) =>
    get<StandingsSnapshot>(url, `/api/categories/${stage.categoryId}/standings`);
  const ledgerIdsOn = async (url: string) =>
    (await get<{ id: string }[]>(url, `/api/categories/${stage.categoryId}/ledger`)).map(
      (entry) => entry.id,
    );

  beforeAll(async () => {
    redis = await RedisServer.start();
    const env = {
      DATABASE_URL: await freshPostgresDatabase(),
      REDIS_URL: redis.url,
      // HAProxy connects from loopback and appends the client's address (option forwardfor).
      TRUST_PROXY: '127.0.0.1',
      SHUTDOWN_DRAIN_MS: '0',
    };
    // One after the other: the first runs the migrations, the second finds them done.
    replicas = [await startVenue({ env })];
    replicas.push(await startVenue({ env }));
    balancer = await HaproxyBalancer.start(
      replicas.map((replica) => replica.port),
      'first',
    );
    await balancer.waitFor(
      async () => Object.values(await balancer.states()).every((state) => state === 'UP'),
      'both replicas up',
    );
    organiser = (
      await request(balancer.url).post('/api/auth/organiser').send(TEST_ADMIN).expect(200)
    ).body.token;
    stage = await createMazeStage(replicas[0], organiser);
    judge = (
      await request(balancer.url)
        .post('/api/auth/judge')
        .send({ stageCode: stage.stageCode, pin: stage.judge.pin })
        .expect(200)
    ).body.token;
  });
  afterAll(async () => {
    viewer?.close();
    await balancer?.stop();
    await Promise.all(replicas.map((replica) => replica.stop()));
    await redis?.close();
  });

  it("stores a judge's entry sent through the balancer, and a viewer connected through it gets the delta", async () => {
    viewer = await StandingsViewer.open(balancer.url, organiser, stage.categoryId);
    await record(0, 1, 52_000);
    await record(1, 1, 48_000);

    // Stored in the shared database: the other replica, asked directly, has them.
    const onSecond = await standingsOn(replicas[1].url);
    expect(await ledgerIdsOn(replicas[1].url)).toEqual(expect.arrayContaining(acknowledged));
    await viewer.reach(onSecond.version);
    expect(placesOf(viewer.current)).toEqual(placesOf(onSecond));
  });

  it('marks a killed replica down and serves entries and the viewer from the other, losing nothing acknowledged', async () => {
    if (!viewer) throw new Error('the first test opens the viewer');
    await replicas[0].kill(); // kill -9: no drain, no goodbye to the viewer
    await balancer.waitFor(
      async () => (await balancer.states()).replica1 === 'DOWN',
      'replica 1 marked down',
    );
    expect((await balancer.states()).replica2).toBe('UP');

    await record(2, 1, 50_000);
    await record(0, 2, 45_000);
    // The viewer reconnected through the balancer (to replica 2) and joined again.
    await balancer.waitFor(() => viewer!.connects >= 2, 'the viewer to reconnect');
    const final = await standingsOn(balancer.url);
    expect(final).toEqual(await standingsOn(replicas[1].url));
    await viewer.reach(final.version);
    expect(placesOf(viewer.current)).toEqual(placesOf(final));
    expect(await ledgerIdsOn(balancer.url)).toEqual(expect.arrayContaining(acknowledged));
    expect(acknowledged).toHaveLength(4);
  });
});
