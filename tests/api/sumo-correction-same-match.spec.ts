import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { startVenue, type Venue } from '../support/start-venue';
import {
  createMazeStage,
  judgeToken,
  organiserToken,
  type StageFixture,
} from '../support/venue-api';

interface Match {
  id: string;
  a: string | null;
  b: string | null;
  status: string;
  outcome: { winner: string | null } | null;
}

/**
 * A sumo correction replaces the same match (docs/rules.md#corrections): an entry of one match that
 * names another match's entry as the one it supersedes is refused and the bracket stays as played,
 * while the head judge's correction of the same match still goes through.
 */
describe('a sumo correction names its own match', () => {
  let venue: Venue;
  let stage: StageFixture;
  let sumo: string;
  let organiser: string;
  let headJudge: string;

  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const bracket = async () =>
    (
      await request(venue.url)
        .get(`/api/categories/${sumo}/sumo/bracket`)
        .set(as(organiser))
        .expect(200)
    ).body.tournament.bracket as Match[];
  const matchEntry = (match: Match, side: 'a' | 'b', supersedes: string | null = null) => ({
    id: randomUUID(),
    categoryId: sumo,
    teamId: null,
    kind: 'sumo.match',
    payload: {
      matchId: match.id,
      a: match.a,
      b: match.b,
      events: [
        { type: 'point', side },
        { type: 'point', side },
      ],
    },
    supersedes,
    reason: supersedes ? 'Video review' : undefined,
    recordedAt: new Date().toISOString(),
  });

  beforeAll(async () => {
    venue = await startVenue();
    organiser = await organiserToken(venue);
    stage = await createMazeStage(venue, organiser, { teams: 1 });
    headJudge = await judgeToken(venue, stage.stageCode, stage.headJudge.pin);
    const post = (url: string, body: object) =>
      request(venue.url).post(url).set(as(organiser)).send(body).expect(201);
    sumo = (
      await post('/api/categories', {
        stageId: stage.stageId,
        discipline: 'sumo',
        ageGroup: { label: '3–4', minGrade: 3, maxGrade: 4 },
        name: 'Сумо 3–4',
        preset: 'sumo-default',
      })
    ).body.id;
    await request(venue.url)
      .patch(`/api/categories/${sumo}/params`)
      .set(as(organiser))
      .send({ params: { 'tournament.format': 'single-elimination' } })
      .expect(200);
    const school = (await post('/api/schools', { name: 'Мектеп №9', regionCode: 'aktobe' })).body;
    for (const name of ['Арыстан', 'Барыс', 'Сұңқар', 'Тұлпар']) {
      await post('/api/teams', {
        stageId: stage.stageId,
        schoolId: school.id,
        categoryId: sumo,
        name,
        members: [{ name: `${name} Ержан`, grade: 4 }],
      });
    }
    await post(`/api/categories/${sumo}/sumo/draw`, { seed: 5 });
  });
  afterAll(() => venue?.stop());

  it("refuses an entry of one match that supersedes another match's entry, and keeps the bracket as played", async () => {
    const [first, second] = (await bracket()).filter((match) => match.a && match.b);
    const played = matchEntry(first, 'a');
    await request(venue.url).post('/api/ledger').set(as(headJudge)).send(played).expect(201);
    const before = await bracket();
    expect(before.find((match) => match.id === first.id)?.outcome?.winner).toBe(first.a);

    const refused = (
      await request(venue.url)
        .post('/api/ledger')
        .set(as(headJudge))
        .send(matchEntry(second, 'a', played.id))
        .expect(400)
    ).body;
    expect(refused.issues).toEqual([
      expect.objectContaining({
        path: 'payload.matchId',
        key: 'scoring.ledger.correctionOtherObject',
      }),
    ]);
    expect(await bracket()).toEqual(before);

    // The head judge's correction of the same match still goes through.
    const corrected = matchEntry(first, 'b', played.id);
    await request(venue.url).post('/api/ledger').set(as(headJudge)).send(corrected).expect(201);
    const after = await bracket();
    expect(after.find((match) => match.id === first.id)?.outcome?.winner).toBe(first.b);
    expect(after.find((match) => match.id === second.id)?.status).toBe(
      before.find((match) => match.id === second.id)?.status,
    );
  });
});
