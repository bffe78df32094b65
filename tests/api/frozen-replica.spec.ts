import request from 'supertest';
import { describeOnPostgres, freshPostgresDatabase } from '../support/fresh-postgres';
import { RedisServer } from '../support/redis';
import { startVenue, type Venue } from '../support/start-venue';
import { createMazeStage, judgeToken, mazeAttempt, organiserToken } from '../support/venue-api';

// A replica that is frozen (a stopped process, a cut-off host) stays counted by the Redis adapter
// until Redis drops its connection; requests on the other replica that list a room's sockets must
// still be answered (docs/deploy.md#live-fan-out-across-replicas).
describeOnPostgres('a frozen replica beside a working one (PostgreSQL, Redis)', () => {
  let redis: RedisServer;
  let replicas: Venue[] = [];
  afterAll(async () => {
    for (const replica of replicas) if (replica.pid) process.kill(replica.pid, 'SIGCONT');
    await Promise.all(replicas.map((replica) => replica.stop()));
    await redis?.close();
  });

  it('hands an entry to the head judge while the other replica does not answer', async () => {
    redis = await RedisServer.start();
    const env = { DATABASE_URL: await freshPostgresDatabase(), REDIS_URL: redis.url };
    replicas = [await startVenue({ env })];
    replicas.push(await startVenue({ env }));
    const [a, b] = replicas;
    const organiser = await organiserToken(a);
    const stage = await createMazeStage(a, organiser);
    const judge = await judgeToken(a, stage.stageCode, stage.judge.pin);

    process.kill(b.pid, 'SIGSTOP');
    const held = await request(a.url)
      .post('/api/held-entries')
      .set('Authorization', `Bearer ${judge}`)
      .send({
        entry: mazeAttempt(stage, stage.teamIds[0], 1, 47_000),
        refusal: { key: 'ledger.categoryLocked', message: 'This category is locked' },
      });
    expect(held.status).toBe(201);
    process.kill(b.pid, 'SIGCONT');
  });
});
