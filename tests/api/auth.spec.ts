import request from 'supertest';
import { startVenue, type Venue } from '../support/start-venue';
import { createMazeStage, judgeToken, organiserToken, type StageFixture } from '../support/venue-api';

describe('first run without ADMIN_PASSWORD', () => {
  let venue: Venue;
  beforeAll(async () => {
    venue = await startVenue({ env: { ADMIN_PASSWORD: '' } });
  });
  afterAll(() => venue.stop());

  it('prints a one-time setup link that creates the organiser account once', async () => {
    expect((await request(venue.url).get('/api/setup').expect(200)).body).toEqual({ needsSetup: true });
    const link = /First run: create the organiser account at \S+\/console\/setup\?token=([A-Z0-9]+)/.exec(venue.output());
    expect(link).not.toBeNull();
    const token = link![1];

    const wrong = await request(venue.url)
      .post('/api/setup')
      .send({ token: 'WRONGTOKEN', username: 'aigul', password: 'long-enough-pass' })
      .expect(401);
    expect(wrong.body.key).toBe('auth.wrongSetupToken');

    const done = await request(venue.url)
      .post('/api/setup')
      .send({ token, username: 'aigul', password: 'long-enough-pass' })
      .expect(201);
    expect(done.body).toMatchObject({ role: 'organiser', name: 'aigul' });
    expect(typeof done.body.token).toBe('string');

    const again = await request(venue.url)
      .post('/api/setup')
      .send({ token, username: 'intruder', password: 'long-enough-pass' })
      .expect(409);
    expect(again.body.key).toBe('auth.setupDone');
    expect((await request(venue.url).get('/api/setup').expect(200)).body).toEqual({ needsSetup: false });
    await request(venue.url).post('/api/auth/organiser').send({ username: 'aigul', password: 'long-enough-pass' }).expect(200);
  });
});

describe('sign-in and scopes', () => {
  let venue: Venue;
  let organiser: string;
  let stage: StageFixture;
  let otherStage: StageFixture;

  beforeAll(async () => {
    venue = await startVenue();
    organiser = await organiserToken(venue);
    stage = await createMazeStage(venue, organiser);
    otherStage = await createMazeStage(venue, organiser);
  });
  afterAll(() => venue.stop());

  it('refuses a wrong organiser password with a message key', async () => {
    const response = await request(venue.url)
      .post('/api/auth/organiser')
      .send({ username: 'organiser', password: 'not-the-password' })
      .expect(401);
    expect(response.body).toMatchObject({ statusCode: 401, key: 'auth.wrongPassword' });
  });

  it('signs a judge in with stage code and PIN and tells them their assignments', async () => {
    const response = await request(venue.url)
      .post('/api/auth/judge')
      .send({ stageCode: stage.stageCode.toLowerCase(), pin: stage.judge.pin })
      .expect(200);
    expect(response.body.role).toBe('judge');
    expect(response.body.judge).toMatchObject({ id: stage.judge.id, stageId: stage.stageId });
    expect(response.body.assignments.categories.map((c: { id: string }) => c.id)).toEqual([stage.categoryId]);

    const me = await request(venue.url).get('/api/me').set('Authorization', `Bearer ${response.body.token}`).expect(200);
    expect(me.body.judge.id).toBe(stage.judge.id);
  });

  it('refuses a PIN of another stage and a wrong PIN alike', async () => {
    // Random PINs of two stages may coincide; only a PIN no judge of this stage has is tried.
    const ownPins = [stage.judge.pin, stage.headJudge.pin];
    const tries = [otherStage.judge.pin, '000000'].filter((pin) => !ownPins.includes(pin));
    expect(tries.length).toBeGreaterThan(0);
    for (const pin of tries) {
      const response = await request(venue.url).post('/api/auth/judge').send({ stageCode: stage.stageCode, pin });
      expect(response.status).toBe(401);
      expect(response.body.key).toBe('auth.wrongPin');
    }
  });

  it("refuses a judge's token outside its stage (403) and on organiser routes (403)", async () => {
    const token = await judgeToken(venue, stage.stageCode, stage.judge.pin);
    const auth = { Authorization: `Bearer ${token}` };
    await request(venue.url).get(`/api/stages/${stage.stageId}/teams`).set(auth).expect(200);
    const outside = await request(venue.url).get(`/api/stages/${otherStage.stageId}/teams`).set(auth).expect(403);
    expect(outside.body.key).toBe('errors.forbidden');
    await request(venue.url).get(`/api/categories/${otherStage.categoryId}`).set(auth).expect(403);
    await request(venue.url).post('/api/olympiads').set(auth).send({ name: 'X', season: '2026' }).expect(403);
  });

  it('answers 401 without a token and with a forged one', async () => {
    expect((await request(venue.url).get('/api/olympiads').expect(401)).body.key).toBe('errors.unauthorized');
    await request(venue.url).get('/api/olympiads').set('Authorization', 'Bearer abc.def.ghi').expect(401);
  });

  it('rate-limits judge sign-in after 10 attempts a minute', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      statuses.push((await request(venue.url).post('/api/auth/judge').send({ stageCode: 'NOPE-0000', pin: '1234' })).status);
    }
    expect(statuses.filter((status) => status === 401).length).toBeLessThanOrEqual(10);
    expect(statuses.at(-1)).toBe(429);
    const limited = await request(venue.url).post('/api/auth/judge').send({ stageCode: 'NOPE-0000', pin: '1234' });
    expect(limited.body.key).toBe('errors.tooManyRequests');
  });
});

describe('judge accounts', () => {
  let venue: Venue;
  let organiser: string;
  let stage: StageFixture;
  beforeAll(async () => {
    venue = await startVenue();
    organiser = await organiserToken(venue);
    stage = await createMazeStage(venue, organiser);
  });
  afterAll(() => venue.stop());

  it('a deactivated judge is signed out at once and cannot sign in again', async () => {
    const token = await judgeToken(venue, stage.stageCode, stage.judge.pin);
    await request(venue.url).get('/api/me').set('Authorization', `Bearer ${token}`).expect(200);
    await request(venue.url)
      .patch(`/api/judges/${stage.judge.id}`)
      .set('Authorization', `Bearer ${organiser}`)
      .send({ active: false })
      .expect(200);
    await request(venue.url).get('/api/me').set('Authorization', `Bearer ${token}`).expect(401);
    await request(venue.url).post('/api/auth/judge').send({ stageCode: stage.stageCode, pin: stage.judge.pin }).expect(401);
  });

  it('a PIN reset gives a new PIN once and the old one stops working', async () => {
    const reset = await request(venue.url)
      .post(`/api/judges/${stage.headJudge.id}/pin`)
      .set('Authorization', `Bearer ${organiser}`)
      .expect(200);
    expect(reset.body.pin).toMatch(/^\d{6}$/);
    if (reset.body.pin !== stage.headJudge.pin) {
      await request(venue.url).post('/api/auth/judge').send({ stageCode: stage.stageCode, pin: stage.headJudge.pin }).expect(401);
    }
    await request(venue.url).post('/api/auth/judge').send({ stageCode: stage.stageCode, pin: reset.body.pin }).expect(200);
    const listed = (await request(venue.url).get(`/api/stages/${stage.stageId}/judges`).set('Authorization', `Bearer ${organiser}`).expect(200))
      .body;
    for (const judge of listed) {
      expect(Object.keys(judge).sort()).toEqual(['active', 'categoryIds', 'fieldIds', 'id', 'name', 'role']);
    }
  });
});
