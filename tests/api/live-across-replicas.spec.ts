import type { StandingsSnapshot } from '@olympiad/contracts';
import { Redis } from 'ioredis';
import request from 'supertest';
import { describeOnPostgres, freshPostgresDatabase } from '../support/fresh-postgres';
import { RedisServer } from '../support/redis';
import { placesOf, StandingsViewer } from '../support/standings-viewer';
import { startVenue, type Venue } from '../support/start-venue';
import {
  createMazeStage,
  judgeToken,
  mazeAttempt,
  organiserToken,
  type StageFixture,
} from '../support/venue-api';

// docs/deploy.md#live-fan-out-across-replicas: two replicas on one database share Redis, so a
// score recorded through one reaches the viewers of the other; after a Redis outage the viewer
// either gets the deltas or sees the gap and resyncs to the database's version.
describeOnPostgres('live standings across two replicas sharing Redis (PostgreSQL)', () => {
  let redis: RedisServer;
  let probe: Redis | undefined;
  let replicas: Venue[] = [];
  let viewer: StandingsViewer | undefined;
  let stage: StageFixture;
  let organiser: string;
  let judge: string;

  const [a, b] = [() => replicas[0], () => replicas[1]];

  /** Both replicas' adapters listen on Redis again (each subscribes the adapter's request channel). */
  const bothSubscribed = async () => {
    probe ??= new Redis(redis.url, { maxRetriesPerRequest: null });
    const subscribers = async () =>
      Number(((await probe!.pubsub('NUMSUB', 'socket.io-request#/#')) as unknown[])[1]);
    while ((await subscribers()) < 2) await new Promise((resolve) => setTimeout(resolve, 50));
  };
  const record = async (teamIndex: number, attempt: number, timeMs: number) => {
    await request(a().url)
      .post('/api/ledger')
      .set('Authorization', `Bearer ${judge}`)
      .send(mazeAttempt(stage, stage.teamIds[teamIndex], attempt, timeMs))
      .expect(201);
  };
  const standingsOf = async (replica: Venue) =>
    (
      await request(replica.url)
        .get(`/api/categories/${stage.categoryId}/standings`)
        .set('Authorization', `Bearer ${organiser}`)
        .expect(200)
    ).body as StandingsSnapshot;

  beforeAll(async () => {
    redis = await RedisServer.start();
    const env = { DATABASE_URL: await freshPostgresDatabase(), REDIS_URL: redis.url };
    replicas = [await startVenue({ env })];
    replicas.push(await startVenue({ env }));
    organiser = await organiserToken(a());
    stage = await createMazeStage(a(), organiser);
    judge = await judgeToken(a(), stage.stageCode, stage.judge.pin);
  });
  afterAll(async () => {
    viewer?.close();
    probe?.disconnect();
    await Promise.all(replicas.map((replica) => replica.stop()));
    await redis?.close();
  });

  it("gives a viewer on replica B every delta of the judge's entries through replica A, in version order", async () => {
    await bothSubscribed();
    viewer = await StandingsViewer.open(b().url, organiser, stage.categoryId, {
      reconnection: false,
    });
    const start = viewer.current.version;

    await record(0, 1, 52_000);
    await record(1, 1, 48_000);
    await record(2, 1, 50_000);
    const final = (await standingsOf(a())).version;
    await viewer.reach(final);

    expect(viewer.gaps).toBe(0);
    expect(viewer.applied[0]).toBeGreaterThan(start);
    expect(viewer.applied).toEqual([...new Set(viewer.applied)].sort((x, y) => x - y));
    expect(viewer.applied.at(-1)).toBe(final);
    expect(placesOf(viewer.current)).toEqual(placesOf(await standingsOf(a())));
  });

  it('keeps serving entries while Redis is down, and after it restarts the viewer on B reaches the database version', async () => {
    if (!viewer) throw new Error('the first test opens the viewer');
    await redis.stop();
    await record(0, 2, 45_000); // REST does not need Redis; this delta may be lost (a gap)
    await redis.start();
    await bothSubscribed(); // the adapters reconnected and subscribed again

    await record(1, 2, 44_000);
    const final = (await standingsOf(a())).version;
    await viewer.reach(final);

    const [onA, onB] = [await standingsOf(a()), await standingsOf(b())];
    expect(onB.version).toBe(onA.version);
    expect(viewer.current.version).toBe(onA.version);
    expect(placesOf(viewer.current)).toEqual(placesOf(onA));
  });

  it('hands an entry to the head judge while Redis is down: looking up the room falls back to this replica', async () => {
    await redis.stop();
    try {
      const answer = await request(a().url)
        .post('/api/held-entries')
        .set('Authorization', `Bearer ${judge}`)
        .send({
          entry: mazeAttempt(stage, stage.teamIds[2], 2, 47_000),
          refusal: { key: 'ledger.categoryLocked', message: 'This category is locked' },
        });
      expect(answer.status).toBe(201);
    } finally {
      await redis.start();
    }
  });
});
