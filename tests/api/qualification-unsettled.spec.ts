import request from 'supertest';
import { startVenue, type Venue } from '../support/start-venue';
import {
  createMazeStage,
  mazeAttempt,
  organiserToken,
  publishLive,
  withDoubleEntry,
  type StageFixture,
} from '../support/venue-api';

/**
 * Qualification waits for every place to be settled (docs/diplomas.md, "Not before the places are
 * settled"): a team whose attempt awaits its second judge has no place yet, so sending the stage's
 * qualifiers on then would send another team in its stead. Refused, and nobody is entered.
 */
describe('qualification with an attempt awaiting its second entry', () => {
  let venue: Venue;
  let organiser: string;
  let stage: StageFixture;
  let judges: { judgeA: string; judgeB: string };
  let republicId: string;

  const send = (method: 'post' | 'patch', token: string, path: string, body: object) =>
    request(venue.url)[method](path).set('Authorization', `Bearer ${token}`).send(body);
  const closeStage = () =>
    send('patch', organiser, `/api/stages/${stage.stageId}`, { status: 'closed' }).expect(200);
  const enter = () =>
    send('post', organiser, `/api/stages/${stage.stageId}/qualification/enter`, {
      targetStageId: republicId,
    });
  const republicTeams = async () =>
    (
      await request(venue.url)
        .get(`/api/stages/${republicId}/teams`)
        .set('Authorization', `Bearer ${organiser}`)
        .expect(200)
    ).body as { name: string }[];

  beforeAll(async () => {
    venue = await startVenue();
    organiser = await organiserToken(venue);
    stage = await createMazeStage(venue, organiser, { teams: 3 });
    judges = await withDoubleEntry(venue, organiser, stage);
    republicId = (
      await send('post', organiser, '/api/stages', {
        olympiadId: stage.olympiadId,
        kind: 'republic',
        name: 'Республикалық кезең',
        startsOn: '2027-03-20',
        endsOn: '2027-03-21',
      }).expect(201)
    ).body.id;
    await publishLive(venue, organiser, stage);
  });
  afterAll(() => venue?.stop());

  it('refuses to enter the qualifiers until the second judge has entered the attempt', async () => {
    const [fast, slow] = stage.teamIds;
    // Each judge sends the attempt as their own entry, with its own id.
    const enterBoth = async (teamId: string, timeMs: number, ...tokens: string[]) => {
      for (const token of tokens)
        await send('post', token, '/api/ledger', mazeAttempt(stage, teamId, 1, timeMs)).expect(201);
    };
    await enterBoth(slow, 90_000, judges.judgeA, judges.judgeB);
    await enterBoth(fast, 40_000, judges.judgeA);
    await closeStage();

    const refused = await enter().expect(409);
    expect(refused.body.key).toBe('results.doubleEntryPending');
    expect(await republicTeams()).toEqual([]);

    // The second judge's entry arrives after all: the fast team has its place and goes on first.
    await enterBoth(fast, 40_000, judges.judgeB);
    await enter().expect(200);
    expect((await republicTeams()).map((team) => team.name)).toContain('Қыран 1');
  });
});
