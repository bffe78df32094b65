import request from 'supertest';
import { auditRows, onEachDatabase } from '../support/audit-record';
import { startVenue, TEST_ADMIN, type Venue } from '../support/start-venue';
import { createMazeStage, organiserToken, type StageFixture } from '../support/venue-api';

/**
 * Judges (create, edit, deactivate, PIN reset), device registration and sign-ins, good and failed,
 * each leave exactly one row on the audit record; no PIN, password or device secret is ever on it
 * (docs/audit.md).
 */
onEachDatabase('the audit record of judges, devices and sign-ins on %s', (_database, venueEnv) => {
  let venue: Venue;
  let organiser: string;
  let stage: StageFixture;
  let judgeId: string;
  let judgePin: string;

  const as = (token: string) => ({
    post: (path: string, body: object = {}) =>
      request(venue.url).post(path).set('Authorization', `Bearer ${token}`).send(body),
    patch: (path: string, body: object) =>
      request(venue.url).patch(path).set('Authorization', `Bearer ${token}`).send(body),
  });
  const rowsOf = (action: string, objectId: string) =>
    auditRows(venue, organiser, { action, objectId });

  beforeAll(async () => {
    venue = await startVenue({ env: await venueEnv() });
    organiser = await organiserToken(venue);
    stage = await createMazeStage(venue, organiser, { teams: 1 });
    const judge = (
      await as(organiser)
        .post('/api/judges', {
          stageId: stage.stageId,
          name: 'Дана',
          role: 'judge',
          categoryIds: [stage.categoryId],
        })
        .expect(201)
    ).body;
    judgeId = judge.id;
    judgePin = judge.pin;
  });
  afterAll(() => venue?.stop());

  it('records a judge created with role and assignments, and never the PIN', async () => {
    const rows = await rowsOf('judge.create', judgeId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      stageId: stage.stageId,
      object: { kind: 'judge', id: judgeId, name: 'Дана' },
      after: { name: 'Дана', role: 'judge', categoryIds: [stage.categoryId], fieldIds: [] },
    });
    expect(JSON.stringify(rows[0])).not.toContain(judgePin);
  });

  it('records a judge sign-in, and a failed one by the stage code tried, never the PIN', async () => {
    await request(venue.url)
      .post('/api/auth/judge')
      .send({ stageCode: stage.stageCode, pin: judgePin })
      .expect(200);
    const wrongPin = judgePin === '999999' ? '888888' : '999999';
    await request(venue.url)
      .post('/api/auth/judge')
      .send({ stageCode: stage.stageCode, pin: wrongPin })
      .expect(401);

    const signIns = await rowsOf('auth.signIn', judgeId);
    expect(signIns).toHaveLength(1);
    expect(signIns[0]).toMatchObject({
      actor: { kind: 'judge', id: judgeId, name: 'Дана' },
      stageId: stage.stageId,
    });

    const failed = await auditRows(venue, organiser, {
      action: 'auth.signInFailed',
      stageId: stage.stageId,
    });
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({
      actor: { kind: 'anonymous', id: null, name: stage.stageCode },
      object: { kind: 'stage', id: stage.stageId },
    });
    expect(JSON.stringify(failed[0])).not.toContain(wrongPin);
  });

  it('records the organiser’s sign-in and a failed one by the name tried, never the password', async () => {
    const before = await auditRows(venue, organiser, {
      action: 'auth.signInFailed',
      objectKind: 'account',
    });
    await request(venue.url)
      .post('/api/auth/organiser')
      .send({ username: TEST_ADMIN.username, password: 'not-the-password' })
      .expect(401);
    const failed = await auditRows(venue, organiser, {
      action: 'auth.signInFailed',
      objectKind: 'account',
    });
    expect(failed).toHaveLength(before.length + 1);
    expect(failed[0]).toMatchObject({
      actor: { kind: 'anonymous', name: TEST_ADMIN.username },
      object: { kind: 'account', name: TEST_ADMIN.username },
    });
    expect(JSON.stringify(failed[0])).not.toContain('not-the-password');

    const signIns = await auditRows(venue, organiser, {
      action: 'auth.signIn',
      objectKind: 'account',
    });
    // beforeAll signed in once; this test's token is one more.
    const fresh = await organiserToken(venue);
    const after = await auditRows(venue, fresh, { action: 'auth.signIn', objectKind: 'account' });
    expect(after).toHaveLength(signIns.length + 1);
    expect(after[0].actor).toMatchObject({ kind: 'organiser', name: TEST_ADMIN.username });
  });

  it('records an edit, a deactivation and a PIN reset, one row each', async () => {
    await as(organiser).patch(`/api/judges/${judgeId}`, { name: 'Дана Серікқызы' }).expect(200);
    await as(organiser).patch(`/api/judges/${judgeId}`, { active: false }).expect(200);
    const pin = (await as(organiser).post(`/api/judges/${judgeId}/pin`).expect(200)).body
      .pin as string;

    const edit = await rowsOf('judge.update', judgeId);
    expect(edit).toHaveLength(1);
    expect(edit[0]).toMatchObject({ before: { name: 'Дана' }, after: { name: 'Дана Серікқызы' } });
    const deactivate = await rowsOf('judge.deactivate', judgeId);
    expect(deactivate).toHaveLength(1);
    expect(deactivate[0]).toMatchObject({ before: { active: true }, after: { active: false } });
    const reset = await rowsOf('judge.pinReset', judgeId);
    expect(reset).toHaveLength(1);
    expect(reset[0]).toMatchObject({
      actor: { kind: 'organiser' },
      stageId: stage.stageId,
      before: null,
      after: null,
    });
    expect(JSON.stringify(reset[0])).not.toContain(pin);
  });

  it('records a device registered on a field, with its field and label, never its secret', async () => {
    const field = (
      await as(organiser)
        .post('/api/fields', { stageId: stage.stageId, name: 'Maze A', discipline: 'maze' })
        .expect(201)
    ).body;
    const device = (
      await as(organiser)
        .post('/api/devices', { id: 'gate-audit-1', fieldId: field.id, label: 'Finish gate A' })
        .expect(201)
    ).body;
    const rows = await rowsOf('device.register', 'gate-audit-1');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      stageId: stage.stageId,
      object: { kind: 'device', id: 'gate-audit-1', name: 'Finish gate A' },
      after: { fieldId: field.id, label: 'Finish gate A' },
    });
    expect(JSON.stringify(rows[0])).not.toContain(device.secret);
  });
});
