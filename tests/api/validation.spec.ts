import request from 'supertest';
import { startVenue, type Venue } from '../support/start-venue';
import { createMazeStage, judgeToken, mazeAttempt, organiserToken, type StageFixture } from '../support/venue-api';

describe('bad requests are refused with a clear 4xx and write nothing', () => {
  let venue: Venue;
  let organiser: string;
  let stage: StageFixture;
  let judge: string;

  beforeAll(async () => {
    venue = await startVenue();
    organiser = await organiserToken(venue);
    stage = await createMazeStage(venue, organiser);
    judge = await judgeToken(venue, stage.stageCode, stage.judge.pin);
  });
  afterAll(() => venue.stop());

  const ledgerSize = async () =>
    (await request(venue.url).get(`/api/categories/${stage.categoryId}/ledger`).set('Authorization', `Bearer ${organiser}`).expect(200))
      .body.length as number;
  const teamCount = async () =>
    (await request(venue.url).get(`/api/stages/${stage.stageId}/teams`).set('Authorization', `Bearer ${organiser}`).expect(200)).body
      .length as number;
  const post = (path: string, token: string, body: unknown) =>
    request(venue.url).post(path).set('Authorization', `Bearer ${token}`).send(body as object);

  it('a team with missing fields names each missing field', async () => {
    const before = await teamCount();
    const response = await post('/api/teams', organiser, { stageId: stage.stageId, name: 'Барыс' }).expect(400);
    expect(response.body.key).toBe('errors.validation');
    const paths = response.body.issues.map((issue: { path: string }) => issue.path);
    expect(paths).toEqual(expect.arrayContaining(['schoolId', 'categoryId', 'members']));
    expect(response.body.message).toContain('members');
    expect(await teamCount()).toBe(before);
  });

  it('wrong types are named with their path', async () => {
    const response = await post('/api/olympiads', organiser, { name: 42, season: ['2026'] }).expect(400);
    const paths = new Set(response.body.issues.map((issue: { path: string }) => issue.path));
    expect([...paths].sort()).toEqual(['name', 'season']);
  });

  it('an unknown category is refused and no entry is written', async () => {
    const before = await ledgerSize();
    const entry = { ...mazeAttempt(stage, stage.teamIds[0], 1, 61000), categoryId: '00000000-0000-4000-8000-000000000000' };
    const response = await post('/api/ledger', judge, entry).expect(400);
    expect(response.body).toMatchObject({ key: 'errors.unknownReference' });
    expect(response.body.message).toContain('categoryId');
    expect(await ledgerSize()).toBe(before);
  });

  it('an impossible score (attempt 9 of 3, a finish time over the limit) is refused by the rules', async () => {
    const before = await ledgerSize();
    const attempt9 = await post('/api/ledger', judge, mazeAttempt(stage, stage.teamIds[0], 9, 61000)).expect(400);
    expect(attempt9.body.key).toBe('ledger.invalidEntry');
    expect(attempt9.body.issues[0]).toMatchObject({ path: 'payload.attempt', key: 'scoring.maze.attemptOutOfRange' });
    await post('/api/ledger', judge, mazeAttempt(stage, stage.teamIds[0], 1, 999_999_999)).expect(400);
    const negative = await post('/api/ledger', judge, mazeAttempt(stage, stage.teamIds[0], 1, 61000, { touches: -1 })).expect(400);
    expect(negative.body.message).toContain('touches');
    expect(await ledgerSize()).toBe(before);
  });

  it('a 10 MB body is refused with 413 and nothing is written', async () => {
    const before = await ledgerSize();
    const huge = mazeAttempt(stage, stage.teamIds[0], 1, 61000, { note: 'x'.repeat(10 * 1024 * 1024) });
    const response = await post('/api/ledger', judge, huge).expect(413);
    expect(response.body).toMatchObject({ statusCode: 413, key: 'errors.payloadTooLarge' });
    expect(await ledgerSize()).toBe(before);
  });

  it('malformed JSON is a 400, not a 500', async () => {
    const response = await request(venue.url)
      .post('/api/ledger')
      .set('Authorization', `Bearer ${judge}`)
      .set('Content-Type', 'application/json')
      .send('{"id": ')
      .expect(400);
    expect(response.body.key).toBe('errors.validation');
  });

  it('a team whose oldest member is outside the age group is refused', async () => {
    const schools = (await request(venue.url).get('/api/schools').set('Authorization', `Bearer ${organiser}`).expect(200)).body;
    const response = await post('/api/teams', organiser, {
      stageId: stage.stageId,
      schoolId: schools[0].id,
      categoryId: stage.categoryId,
      name: 'Тұлпар',
      members: [{ name: 'Ерасыл', grade: 6 }],
    }).expect(400);
    expect(response.body.issues[0].key).toBe('teams.gradeOutsideGroup');
  });

  it('unknown routes are a JSON 404', async () => {
    const response = await request(venue.url).get('/api/nothing-here').expect(404);
    expect(response.body.key).toBe('errors.notFound');
  });
});
