import request from 'supertest';
import { startVenue, type Venue } from '../support/start-venue';
import { createMazeStage, judgeToken, mazeAttempt, organiserToken } from '../support/venue-api';

// The server keeps a category's standings state in memory between entries (docs/design.md#scale-out);
// a rule parameter changed before the first score must reach the next entry, not only a restart.
describe('standings after a rule parameter change', () => {
  let venue: Venue;
  beforeAll(async () => {
    venue = await startVenue();
  });
  afterAll(() => venue.stop());

  it('scores the first entry by the rules in force, not the ones the cached state was built with', async () => {
    const organiser = await organiserToken(venue);
    // Adding the teams computes the (empty) standings, which the server then holds in memory.
    const stage = await createMazeStage(venue, organiser, { teams: 2 });
    const auth = { Authorization: `Bearer ${organiser}` };
    const category = (
      await request(venue.url).get(`/api/categories/${stage.categoryId}`).set(auth).expect(200)
    ).body;
    expect(category.ruleSet.params.touchPenalty).toEqual({ mode: 'time', ms: 10_000 });
    await request(venue.url)
      .patch(`/api/categories/${stage.categoryId}/params`)
      .set(auth)
      .send({ params: { touchPenalty: { mode: 'time', ms: 30_000 } } })
      .expect(200);

    const judge = await judgeToken(venue, stage.stageCode, stage.judge.pin);
    await request(venue.url)
      .post('/api/ledger')
      .set('Authorization', `Bearer ${judge}`)
      .send(mazeAttempt(stage, stage.teamIds[0], 1, 60_000, { touches: 1 }))
      .expect(201);

    const verify = (
      await request(venue.url)
        .get(`/api/categories/${stage.categoryId}/standings/verify`)
        .set(auth)
        .expect(200)
    ).body;
    expect(verify.live.rows).toEqual(verify.rebuilt.rows);
    const row = verify.live.rows.find(
      (candidate: { teamId: string }) => candidate.teamId === stage.teamIds[0],
    );
    expect(row.primary).toBe(90_000);
  });
});
