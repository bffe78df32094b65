import request from 'supertest';
import { auditRows, onEachDatabase } from '../support/audit-record';
import { startVenue, type Venue } from '../support/start-venue';
import {
  createMazeStage,
  judgeToken,
  organiserToken,
  type StageFixture,
} from '../support/venue-api';

/**
 * A stage's status and a team's registration, status and check-in each leave exactly one row on
 * the audit record with what changed (docs/audit.md); a repeated change that changes nothing, or a
 * refused one, leaves none.
 */
onEachDatabase('the audit record of a stage and its teams on %s', (_database, venueEnv) => {
  let venue: Venue;
  let organiser: string;
  let stage: StageFixture;

  const as = (token: string) => ({
    post: (path: string, body: object = {}) =>
      request(venue.url).post(path).set('Authorization', `Bearer ${token}`).send(body),
    patch: (path: string, body: object) =>
      request(venue.url).patch(path).set('Authorization', `Bearer ${token}`).send(body),
  });

  beforeAll(async () => {
    venue = await startVenue({ env: await venueEnv() });
    organiser = await organiserToken(venue);
    stage = await createMazeStage(venue, organiser, { teams: 2 });
  });
  afterAll(() => venue?.stop());

  it('records the stage going live with its status before and after, and the request’s id', async () => {
    await as(organiser)
      .patch(`/api/stages/${stage.stageId}`, { status: 'live' })
      .set('X-Request-Id', 'audit-stage-live-1')
      .expect(200);
    await as(organiser).patch(`/api/stages/${stage.stageId}`, { status: 'live' }).expect(200);
    const rows = await auditRows(venue, organiser, {
      action: 'stage.update',
      objectId: stage.stageId,
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actor: { kind: 'organiser' },
      stageId: stage.stageId,
      object: { kind: 'stage', id: stage.stageId, name: 'Aktobe regional stage' },
      before: { status: 'draft' },
      after: { status: 'live' },
      requestId: 'audit-stage-live-1',
    });
  });

  it('is read by the organiser only: a judge’s token is refused', async () => {
    const headJudge = await judgeToken(venue, stage.stageCode, stage.headJudge.pin);
    await request(venue.url)
      .get('/api/audit')
      .set('Authorization', `Bearer ${headJudge}`)
      .expect(403);
    await request(venue.url)
      .get('/api/audit.csv')
      .set('Authorization', `Bearer ${headJudge}`)
      .expect(403);
    await request(venue.url).get('/api/audit').expect(401);
  });

  it('records a team created by hand with its registration', async () => {
    const rows = await auditRows(venue, organiser, {
      action: 'team.create',
      objectId: stage.teamIds[0],
    });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      stageId: stage.stageId,
      object: { kind: 'team', id: stage.teamIds[0], name: 'Қыран 1' },
      before: null,
      after: {
        categoryId: stage.categoryId,
        name: 'Қыран 1',
        members: [{ name: 'Әлихан 0', grade: 4 }],
      },
    });
  });

  it('records a check-in once, and its undoing', async () => {
    const headJudge = await judgeToken(venue, stage.stageCode, stage.headJudge.pin);
    const team = stage.teamIds[1];
    await as(headJudge).post(`/api/teams/${team}/check-in`, { checkedIn: true }).expect(200);
    await as(headJudge).post(`/api/teams/${team}/check-in`, { checkedIn: true }).expect(200);
    let rows = await auditRows(venue, organiser, { action: 'team.checkIn', objectId: team });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actor: { kind: 'judge', id: stage.headJudge.id, name: 'Гүлнар' },
      before: { checkedInAt: null },
      after: { checkedInAt: expect.any(String) },
    });
    await as(headJudge).post(`/api/teams/${team}/check-in`, { checkedIn: false }).expect(200);
    rows = await auditRows(venue, organiser, { action: 'team.checkIn', objectId: team });
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      before: { checkedInAt: rows[1].after?.['checkedInAt'] },
      after: { checkedInAt: null },
    });
  });

  it('records absent, withdrawn and back to active, one row each with the status before and after', async () => {
    const team = stage.teamIds[0];
    await as(organiser).patch(`/api/teams/${team}`, { status: 'absent' }).expect(200);
    await as(organiser).patch(`/api/teams/${team}`, { status: 'withdrawn' }).expect(200);
    await as(organiser).patch(`/api/teams/${team}`, { status: 'withdrawn' }).expect(200);
    await as(organiser).patch(`/api/teams/${team}`, { status: 'active' }).expect(200);
    const rows = await auditRows(venue, organiser, { action: 'team.status', objectId: team });
    expect(rows.map((row) => [row.before?.['status'], row.after?.['status']])).toEqual([
      ['withdrawn', 'active'],
      ['absent', 'withdrawn'],
      ['active', 'absent'],
    ]);
    // The team's whole history, as its page links to it.
    const history = await auditRows(venue, organiser, { objectKind: 'team', objectId: team });
    expect(history.map((row) => row.action)).toEqual([
      'team.status',
      'team.status',
      'team.status',
      'team.create',
    ]);
  });
});
