import Database from 'better-sqlite3';
import * as path from 'node:path';
import type { ClientToServerEvents, JoinResult, ServerToClientEvents } from '@olympiad/contracts';
import request from 'supertest';
import { io, type Socket } from 'socket.io-client';
import { startVenue, type Venue } from '../support/start-venue';
import {
  createMazeStage,
  judgeToken,
  organiserToken,
  type StageFixture,
} from '../support/venue-api';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

/** The `kid` a token's header names (docs/security.md#token-signing-keys). */
function keyIdOf(token: string): string | undefined {
  const header = JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString('utf8')) as {
    kid?: string;
  };
  return header.kid;
}

const me = (venue: Venue, token: string) =>
  request(venue.url).get('/api/me').set('Authorization', `Bearer ${token}`);

describe('a judge token ends with the PIN it was given for and with the account', () => {
  let venue: Venue;
  let organiser: string;
  let stage: StageFixture;
  const clients: Client[] = [];

  /** Joins the (unpublished) category room on a new connection: staff get it, the public does not. */
  const joinCategory = (token: string): Promise<JoinResult> =>
    new Promise((resolve, reject) => {
      const client: Client = io(venue.url, {
        transports: ['websocket'],
        auth: { token },
        reconnection: false,
      });
      clients.push(client);
      client.once('connect_error', reject);
      client.once('connect', () =>
        client.emit('join', { kind: 'category', id: stage.categoryId }, resolve),
      );
    });

  beforeAll(async () => {
    venue = await startVenue();
    organiser = await organiserToken(venue);
    stage = await createMazeStage(venue, organiser);
  });
  afterAll(async () => {
    clients.forEach((client) => client.close());
    await venue.stop();
  });

  it('a PIN reset refuses the old token on REST and on the live socket; the new PIN signs in', async () => {
    const old = await judgeToken(venue, stage.stageCode, stage.judge.pin);
    await me(venue, old).expect(200);
    expect(await joinCategory(old)).toMatchObject({ ok: true });

    const reset = await request(venue.url)
      .post(`/api/judges/${stage.judge.id}/pin`)
      .set('Authorization', `Bearer ${organiser}`)
      .expect(200);

    const refused = await me(venue, old).expect(401);
    // The key the judge app turns into its "signed out" screen (apps/judge/src/session/judge-session.ts).
    expect(refused.body).toMatchObject({ statusCode: 401, key: 'errors.unauthorized' });
    expect(refused.body.message).toMatch(/PIN was reset/);
    expect(await joinCategory(old)).toMatchObject({ ok: false, key: 'live.notPublished' });

    const fresh = await judgeToken(venue, stage.stageCode, reset.body.pin);
    await me(venue, fresh).expect(200);
    expect(await joinCategory(fresh)).toMatchObject({ ok: true });
  });

  it("a deactivated judge's token opens no staff room on the live socket any more", async () => {
    const token = await judgeToken(venue, stage.stageCode, stage.headJudge.pin);
    expect(await joinCategory(token)).toMatchObject({ ok: true });
    await request(venue.url)
      .patch(`/api/judges/${stage.headJudge.id}`)
      .set('Authorization', `Bearer ${organiser}`)
      .send({ active: false })
      .expect(200);
    await me(venue, token).expect(401);
    expect(await joinCategory(token)).toMatchObject({ ok: false, key: 'live.notPublished' });
  });
});

describe('rotating the token signing key signs nobody out', () => {
  let venue: Venue;
  let organiser: string;
  let stage: StageFixture;
  afterAll(() => venue.stop());

  it('a new key signs new tokens while tokens of the older keys stay valid, across a restart', async () => {
    venue = await startVenue();
    organiser = await organiserToken(venue);
    stage = await createMazeStage(venue, organiser);
    const before = await judgeToken(venue, stage.stageCode, stage.judge.pin);
    const judgeBefore = await me(venue, before).expect(200);

    await request(venue.url)
      .post('/api/auth/token-keys')
      .set('Authorization', `Bearer ${before}`)
      .expect(403);
    const rotation = await request(venue.url)
      .post('/api/auth/token-keys')
      .set('Authorization', `Bearer ${organiser}`)
      .expect(201);
    expect(rotation.body.keyId).not.toBe(keyIdOf(before));
    expect(rotation.body.acceptedKeyIds).toEqual([rotation.body.keyId, keyIdOf(before)]);

    // The judge who signed in before the rotation goes on working; PINs are found as before.
    expect((await me(venue, before).expect(200)).body).toEqual(judgeBefore.body);
    await me(venue, organiser).expect(200);
    const after = await judgeToken(venue, stage.stageCode, stage.headJudge.pin);
    expect(keyIdOf(after)).toBe(rotation.body.keyId);

    await venue.stop();
    venue = await startVenue({ dataDir: venue.dataDir });
    await me(venue, before).expect(200);
    await me(venue, after).expect(200);

    // A second rotation the same day keeps both older keys: their tokens have not expired yet.
    const second = await request(venue.url)
      .post('/api/auth/token-keys')
      .set('Authorization', `Bearer ${organiser}`)
      .expect(201);
    expect(second.body.acceptedKeyIds).toEqual([
      second.body.keyId,
      keyIdOf(after),
      keyIdOf(before),
    ]);
    await me(venue, before).expect(200);
    await me(venue, after).expect(200);
    await judgeToken(venue, stage.stageCode, stage.judge.pin);
  });
});

describe('signing everyone out (a signing key that leaked)', () => {
  let venue: Venue;
  afterAll(() => venue.stop());

  it('deleting the stored keys ends every token, while PINs still sign in', async () => {
    venue = await startVenue();
    const organiser = await organiserToken(venue);
    const stage = await createMazeStage(venue, organiser);
    const judge = await judgeToken(venue, stage.stageCode, stage.judge.pin);
    await request(venue.url)
      .post('/api/auth/token-keys')
      .set('Authorization', `Bearer ${organiser}`)
      .expect(201);
    const rotated = await judgeToken(venue, stage.stageCode, stage.headJudge.pin);
    await venue.stop();

    // docs/security.md#token-signing-keys: what the organiser does with the server stopped.
    const db = new Database(path.join(venue.dataDir, 'olympiad.sqlite'));
    db.prepare("DELETE FROM app_setting WHERE key IN ('tokenKeys', 'jwtSecret')").run();
    db.close();

    venue = await startVenue({ dataDir: venue.dataDir });
    for (const token of [organiser, judge, rotated]) await me(venue, token).expect(401);
    await me(venue, await judgeToken(venue, stage.stageCode, stage.judge.pin)).expect(200);
  });
});

describe('a signing secret from JWT_SECRET rotates through JWT_SECRET_PREVIOUS', () => {
  const first = 'first-signing-secret-of-this-venue-0123456789';
  const second = 'second-signing-secret-of-this-venue-987654321';
  let venue: Venue;
  afterAll(() => venue.stop());

  it('accepts the previous secret’s tokens, still finds PINs, and ends them once the previous secret goes', async () => {
    venue = await startVenue({ env: { JWT_SECRET: first } });
    const organiser = await organiserToken(venue);
    const stage = await createMazeStage(venue, organiser);
    const before = await judgeToken(venue, stage.stageCode, stage.judge.pin);
    await venue.stop();

    venue = await startVenue({
      dataDir: venue.dataDir,
      env: { JWT_SECRET: second, JWT_SECRET_PREVIOUS: first },
    });
    await me(venue, before).expect(200);
    // The PIN look-up does not hang on the signing secret: the same PIN still signs in.
    const after = await judgeToken(venue, stage.stageCode, stage.judge.pin);
    expect(keyIdOf(after)).not.toBe(keyIdOf(before));
    const organiserNow = await organiserToken(venue);
    const refused = await request(venue.url)
      .post('/api/auth/token-keys')
      .set('Authorization', `Bearer ${organiserNow}`)
      .expect(409);
    expect(refused.body.key).toBe('auth.tokenKeyConfigured');
    await venue.stop();

    venue = await startVenue({ dataDir: venue.dataDir, env: { JWT_SECRET: second } });
    await me(venue, before).expect(401);
    await me(venue, after).expect(200);
  });
});
