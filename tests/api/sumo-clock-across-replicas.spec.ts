import type {
  ClientToServerEvents,
  JoinResult,
  ServerToClientEvents,
  SumoBracket,
  SumoClock,
} from '@olympiad/contracts';
import { Redis } from 'ioredis';
import { io, type Socket } from 'socket.io-client';
import request from 'supertest';
import { describeOnPostgres, freshPostgresDatabase } from '../support/fresh-postgres';
import { RedisServer } from '../support/redis';
import { createRegionalStage } from '../support/regional-stage';
import { startVenue, type Venue } from '../support/start-venue';
import { judgeToken, organiserToken } from '../support/venue-api';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

// docs/results-display.md#the-sumo-round-clock: the ring's clock goes out through the stage's
// Socket.IO rooms, so with replicas sharing Redis a screen on one hears a tablet on the other.
describeOnPostgres('sumo ring clock across two replicas sharing Redis (PostgreSQL)', () => {
  let redis: RedisServer;
  let probe: Redis | undefined;
  let replicas: Venue[] = [];
  let viewer: Client | undefined;

  /** Both replicas' adapters listen on Redis (each subscribes the adapter's request channel). */
  const bothSubscribed = async () => {
    probe ??= new Redis(redis.url, { maxRetriesPerRequest: null });
    const subscribers = async () =>
      Number(((await probe!.pubsub('NUMSUB', 'socket.io-request#/#')) as unknown[])[1]);
    while ((await subscribers()) < 2) await new Promise((resolve) => setTimeout(resolve, 50));
  };

  beforeAll(async () => {
    redis = await RedisServer.start();
    const env = { DATABASE_URL: await freshPostgresDatabase(), REDIS_URL: redis.url };
    replicas = [await startVenue({ env })];
    replicas.push(await startVenue({ env }));
  });
  afterAll(async () => {
    viewer?.close();
    probe?.disconnect();
    await Promise.all(replicas.map((replica) => replica.stop()));
    await redis?.close();
  });

  it('brings a judge’s clock reported through replica A to a public screen on replica B', async () => {
    const [a, b] = replicas;
    const organiser = await organiserToken(a);
    const auth = { Authorization: `Bearer ${organiser}` };
    const post = (path: string, body: object = {}) =>
      request(a.url).post(path).set(auth).send(body).expect(201);
    const stage = await createRegionalStage(a, organiser);
    const categoryId = stage.categories['Сумо 3–4'];
    const school = (await post('/api/schools', { name: 'Лицей №7', regionCode: 'aktobe' })).body;
    for (let i = 1; i <= 3; i++)
      await post('/api/teams', {
        stageId: stage.stageId,
        schoolId: school.id,
        categoryId,
        name: `Команда ${i}`,
        members: [{ name: 'Ерлан', grade: 4 }],
      });
    const bracket = (await post(`/api/categories/${categoryId}/sumo/draw`, { seed: 5 }))
      .body as SumoBracket;
    const match = [
      ...bracket.tournament.groups.flatMap((group) => group.matches),
      ...bracket.tournament.bracket,
    ].find((m) => m.status === 'ready' && m.a && m.b);
    if (!match) throw new Error('the draw has no match ready');
    await request(a.url)
      .patch(`/api/stages/${stage.stageId}`)
      .set(auth)
      .send({ status: 'live' })
      .expect(200);
    await request(a.url).post(`/api/categories/${categoryId}/publish`).set(auth).expect(200);
    const ring = (
      await post('/api/fields', { stageId: stage.stageId, name: 'Ринг', discipline: 'sumo' })
    ).body;
    const judge = (
      await post('/api/judges', {
        stageId: stage.stageId,
        name: 'Ринг төрешісі',
        role: 'judge',
        categoryIds: [categoryId],
        fieldIds: [ring.id],
      })
    ).body;
    const token = await judgeToken(a, stage.stageCode, judge.pin);

    await bothSubscribed();
    viewer = io(b.url, { transports: ['websocket'], reconnection: false });
    const joined = await new Promise<JoinResult>((resolve) =>
      viewer!.emit('join', { kind: 'stage', id: stage.stageId }, resolve),
    );
    expect(joined.ok).toBe(true);
    const heard = new Promise<SumoClock>((resolve) => viewer!.once('sumo:clock', resolve));
    const sent = await request(a.url)
      .post(`/api/fields/${ring.id}/sumo-clock`)
      .set('Authorization', `Bearer ${token}`)
      .send({
        categoryId,
        matchId: match.id,
        round: 1,
        state: 'running',
        elapsedMs: 0,
        startsInMs: 5_000,
        roundMs: 180_000,
      })
      .expect(200);
    expect(await heard).toMatchObject({
      fieldId: ring.id,
      matchId: match.id,
      state: 'running',
      at: sent.body.at,
    });
  });
});
