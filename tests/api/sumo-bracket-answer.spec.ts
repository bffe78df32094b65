import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { createRegionalStage, type RegionalStage } from '../support/regional-stage';
import { startVenue, type Venue } from '../support/start-venue';
import { judgeToken, organiserToken } from '../support/venue-api';

interface AnsweredMatch {
  id: string;
  a?: string | null;
  b?: string | null;
  status: string;
  outcome: { winner: string | null; how: string } | null;
  live: { points: { a: number; b: number }; result: { winner: string | null } | null } | null;
}

/**
 * The console's sumo bracket once matches are played: the venue checks every answer against its
 * route's schema (CONTRACT_CHECK), so a played match, its live state and the group table it moves
 * have to fit libs/contracts' sumo bracket answer, not only the bare draw.
 */
describe('sumo bracket answer: played matches, as the console reads them', () => {
  let venue: Venue;
  let stage: RegionalStage;
  let sumo: string;
  let auth: { Authorization: string };

  beforeAll(async () => {
    venue = await startVenue();
    auth = { Authorization: `Bearer ${await organiserToken(venue)}` };
    stage = await createRegionalStage(venue, auth.Authorization.slice('Bearer '.length));
    sumo = stage.categories['Сумо 3–4'];
    const post = (url: string, body: object) =>
      request(venue.url).post(url).set(auth).send(body).expect(201);
    const school = (await post('/api/schools', { name: 'Мектеп №3', regionCode: 'aktobe' })).body;
    for (const name of ['Арыстан', 'Барыс', 'Сұңқар', 'Тұлпар']) {
      await post('/api/teams', {
        stageId: stage.stageId,
        schoolId: school.id,
        categoryId: sumo,
        name,
        members: [{ name: 'Ержан', grade: 4 }],
      });
    }
    await post(`/api/categories/${sumo}/sumo/draw`, { seed: 11 });
  });
  afterAll(() => venue.stop());

  it('answers a group match played to its end with its points, its winner and the group table', async () => {
    const drawn = (
      await request(venue.url).get(`/api/categories/${sumo}/sumo/bracket`).set(auth).expect(200)
    ).body;
    const match = (drawn.tournament.groups[0].matches as AnsweredMatch[]).find(
      (candidate) => candidate.a && candidate.b,
    );
    if (!match?.a || !match.b) throw new Error('the draw gave no match between two teams');

    const headJudge = (
      await request(venue.url)
        .post('/api/judges')
        .set(auth)
        .send({ stageId: stage.stageId, name: 'Асқар', role: 'head-judge' })
        .expect(201)
    ).body;
    const judgeAuth = {
      Authorization: `Bearer ${await judgeToken(venue, stage.stageCode, headJudge.pin)}`,
    };
    await request(venue.url)
      .post('/api/ledger')
      .set(judgeAuth)
      .send({
        id: randomUUID(),
        categoryId: sumo,
        teamId: null,
        kind: 'sumo.match',
        payload: {
          matchId: match.id,
          a: match.a,
          b: match.b,
          events: [
            { type: 'point', side: 'a' },
            { type: 'warning', side: 'b' },
            { type: 'point', side: 'a' },
          ],
        },
        recordedAt: new Date().toISOString(),
      })
      .expect(201);

    const played = (
      await request(venue.url).get(`/api/categories/${sumo}/sumo/bracket`).set(auth).expect(200)
    ).body;
    const group = played.tournament.groups[0];
    const after = (group.matches as AnsweredMatch[]).find((candidate) => candidate.id === match.id);
    expect(after?.status).toBe('finished');
    expect(after?.outcome?.winner).toBe(match.a);
    expect(after?.live?.points.a).toBe(2);
    expect(after?.live?.result?.winner).toBe('a');
    const winnerRow = group.table.rows.find((row: { teamId: string }) => row.teamId === match.a);
    expect(winnerRow).toMatchObject({ played: 1, wins: 1, roundsWon: 2 });

    // The public bracket (the OBS score bug's source) carries the group matches too, scored: a
    // group stage was otherwise never on the air (docs/results-display.md#overlays-for-obs).
    await request(venue.url)
      .patch(`/api/stages/${stage.stageId}`)
      .set(auth)
      .send({ status: 'live' })
      .expect(200);
    await request(venue.url).post(`/api/categories/${sumo}/publish`).set(auth).expect(200);
    const bracket = (
      await request(venue.url).get(`/api/public/categories/${sumo}/bracket`).expect(200)
    ).body;
    expect(bracket.groupMatches).toContainEqual({
      id: match.id,
      stage: 'group',
      round: expect.any(Number),
      a: match.a,
      b: match.b,
      status: 'finished',
      winner: match.a,
      score: { points: { a: 2, b: 0 }, warnings: { a: 0, b: 1 } },
    });
    expect(bracket.groupMatches).toHaveLength(
      played.tournament.groups.reduce(
        (sum: number, g: { matches: unknown[] }) => sum + g.matches.length,
        0,
      ),
    );
  });
});
