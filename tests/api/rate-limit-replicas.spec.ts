import request from 'supertest';
import { describeOnPostgres, freshPostgresDatabase } from '../support/fresh-postgres';
import { RedisServer } from '../support/redis';
import { startVenue, TEST_ADMIN, type Venue } from '../support/start-venue';

/**
 * Sign-in is rate-limited per client address (auth.controller.ts, SIGN_IN_LIMIT). Every answer of a
 * limited route names the limit in X-RateLimit-Limit, so the tests read it there rather than
 * repeating the number.
 */
type Attempt = (venue: Venue) => request.Test;

const wrongPin: Attempt = (venue) =>
  request(venue.url).post('/api/auth/judge').send({ stageCode: 'NOPE-0000', pin: '1234' });
// Each try names another user: one user name's own back-off (after a few failures, from any
// address) would otherwise answer 429 before the address's limit is reached.
let passwordTries = 0;
const wrongPassword: Attempt = (venue) =>
  request(venue.url)
    .post('/api/auth/organiser')
    .send({
      username: `${TEST_ADMIN.username}-${(passwordTries += 1)}`,
      password: 'not-the-password',
    });

/**
 * Sends attempts alternately to the replicas until one is refused with 429 (or `cap` are sent);
 * returns how many were answered 401 before that, and the limit the server announced.
 */
async function refusedAfter(replicas: Venue[], attempt: Attempt, cap: number) {
  let limit = 0;
  let answered = 0;
  for (let i = 0; i < cap; i++) {
    const response = await attempt(replicas[i % replicas.length]);
    if (response.status === 429) return { limit, answered, refused: true };
    expect(response.status).toBe(401);
    limit = Number(response.headers['x-ratelimit-limit']);
    answered++;
  }
  return { limit, answered, refused: false };
}

async function startReplicas(env: Record<string, string>): Promise<Venue[]> {
  const databaseUrl = await freshPostgresDatabase();
  const replicas: Venue[] = [];
  // One after the other: the first runs the migrations, the second finds them done.
  for (let i = 0; i < 2; i++)
    replicas.push(await startVenue({ env: { DATABASE_URL: databaseUrl, ...env } }));
  return replicas;
}

describeOnPostgres('sign-in limit across two replicas sharing one Redis (REDIS_URL)', () => {
  let redis: RedisServer;
  let replicas: Venue[] = [];
  beforeAll(async () => {
    redis = await RedisServer.start();
    replicas = await startReplicas({ REDIS_URL: redis.url });
  });
  afterAll(async () => {
    await Promise.all(replicas.map((replica) => replica.stop()));
    await redis?.close();
  });

  it.each([
    ['judge PINs', wrongPin],
    ['organiser passwords', wrongPassword],
  ])('counts wrong %s sent alternately to both replicas together', async (_name, attempt) => {
    const { limit, answered, refused } = await refusedAfter(replicas, attempt, 50);
    expect(limit).toBeGreaterThan(0);
    expect(refused).toBe(true);
    // The same count as on one replica: the limit, not the limit on each.
    expect(answered).toBe(limit);
    for (const replica of replicas) expect((await attempt(replica)).status).toBe(429);
  });

  it('still limits each replica on its own while Redis is down, instead of failing sign-in', async () => {
    await redis.stop();
    const [replica] = replicas;
    const { limit, answered, refused } = await refusedAfter(
      [replica],
      (venue) =>
        request(venue.url).post('/api/auth/judge').send({ stageCode: 'GONE-0000', pin: '4321' }),
      50,
    );
    expect(refused).toBe(true);
    expect(answered).toBe(limit);
    expect(replica.output()).toContain('Redis cannot count attempts');
  });
});

describeOnPostgres('sign-in limit across two replicas without REDIS_URL', () => {
  let replicas: Venue[] = [];
  beforeAll(async () => {
    replicas = await startReplicas({});
  });
  afterAll(() => Promise.all(replicas.map((replica) => replica.stop())));

  it('counts on each replica apart: the spread gets twice the limit through', async () => {
    const { limit, answered, refused } = await refusedAfter(replicas, wrongPin, 50);
    expect(refused).toBe(true);
    expect(answered).toBe(2 * limit);
  });
});
