import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { eventually } from '../support/field-fixture';
import {
  FAST_SYNC,
  issueLinkCode,
  ledgerCount,
  linkVenue,
  prepareVenueStage,
  recordFirstAttempts,
  startLinkedServers,
  venueRowOf,
  waitForSameStandings,
  type LinkedStage,
} from '../support/federation';
import { startVenue, type Venue } from '../support/start-venue';
import { judgeToken, mazeAttempt, organiserToken } from '../support/venue-api';

/**
 * docs/federation.md, "Who owns what": on the republic server a linked venue's stage is that
 * venue's data. The republic's own users read it and cannot change it; the venue stays the only
 * writer, and a second venue cannot take the stage over with a spent code.
 */
describe("a venue's stage on the republic server is read-only there", () => {
  let republic: Venue;
  let venue: Venue;
  let republicToken: string;
  let venueToken: string;
  let linked: LinkedStage;
  let code: string;
  let teamIds: string[];
  let judgePin: string;
  let republicStageId: string;
  const entryIds: string[] = [];

  const asRepublic = () => ({ Authorization: `Bearer ${republicToken}` });
  const asVenue = () => ({ Authorization: `Bearer ${venueToken}` });
  const republicTeams = async () =>
    (
      await request(republic.url)
        .get(`/api/stages/${linked.stageId}/teams`)
        .set(asRepublic())
        .expect(200)
    ).body as { id: string; name: string; status: string; schoolId: string }[];
  const republicCategory = async () =>
    (
      await request(republic.url)
        .get(`/api/categories/${linked.categoryId}`)
        .set(asRepublic())
        .expect(200)
    ).body as { status: string; published: boolean };
  const expectVenueOwned = (response: request.Response) => {
    expect({ status: response.status, key: response.body.key }).toEqual({
      status: 403,
      key: 'federation.venueOwned',
    });
    expect(response.body.message).toMatch(/read-only here.*corrections come from the venue/);
  };

  beforeAll(async () => {
    ({ republic, venue, republicToken, venueToken, linked } = await startLinkedServers({
      link: 'none',
      venueEnv: FAST_SYNC,
    }));
    // Linked here: a later test pastes the same, spent code at a second venue.
    code = await issueLinkCode(republic, republicToken, linked.stageId);
    await linkVenue(venue, venueToken, code);
    const prepared = await prepareVenueStage(venue, venueToken, linked, 2);
    teamIds = prepared.teamIds;
    judgePin = prepared.judge.pin;
    const tablet = await judgeToken(venue, linked.stageCode, judgePin);
    const entries = await recordFirstAttempts(venue, tablet, linked, teamIds);
    entryIds.push(...entries.map((entry) => entry.id));
    await waitForSameStandings(venue, venueToken, republic, republicToken, linked.categoryId);
  }, 90_000);

  afterAll(async () => {
    await Promise.all([venue?.stop(), republic?.stop()]);
  });

  it("refuses the republic organiser's edits of the venue's teams, entries, category and stage, changing nothing", async () => {
    const before = {
      entries: await ledgerCount(republic, republicToken, linked.categoryId),
      teams: await republicTeams(),
      category: await republicCategory(),
    };
    expect(before.entries).toBe(2);
    expect(before.teams.map((team) => team.status)).toEqual(['active', 'active']);
    expect(before.category.published).toBe(false);

    const post = (path: string, body: object = {}) =>
      request(republic.url).post(path).set(asRepublic()).send(body);
    expectVenueOwned(
      await request(republic.url)
        .patch(`/api/teams/${teamIds[0]}`)
        .set(asRepublic())
        .send({ status: 'withdrawn' }),
    );
    expectVenueOwned(await post(`/api/teams/${teamIds[0]}/check-in`, { checkedIn: true }));
    expectVenueOwned(await post('/api/ledger', mazeAttempt(linked, teamIds[1], 2, 30_000)));
    expectVenueOwned(
      await post('/api/ledger', {
        ...mazeAttempt(linked, teamIds[0], 1, 20_000),
        supersedes: entryIds[0],
        reason: 'Re-timed from the video',
      }),
    );
    expectVenueOwned(
      await post('/api/ledger', {
        id: randomUUID(),
        categoryId: linked.categoryId,
        teamId: null,
        kind: 'void',
        payload: {},
        supersedes: entryIds[1],
        reason: 'Robot touched by a team member',
        recordedAt: new Date().toISOString(),
      }),
    );
    expectVenueOwned(await post(`/api/categories/${linked.categoryId}/lock`));
    expectVenueOwned(await post(`/api/categories/${linked.categoryId}/publish`));
    expectVenueOwned(
      await post('/api/teams', {
        stageId: linked.stageId,
        schoolId: before.teams[0].schoolId,
        categoryId: linked.categoryId,
        name: 'Бөгде команда',
        members: [{ name: 'Бөгде', grade: 4 }],
      }),
    );
    expectVenueOwned(
      await post('/api/categories', {
        stageId: linked.stageId,
        discipline: 'maze',
        ageGroup: { label: '5–6', minGrade: 5, maxGrade: 6 },
        name: 'Maze 5–6',
        preset: 'maze-default',
      }),
    );
    expectVenueOwned(
      await request(republic.url)
        .patch(`/api/stages/${linked.stageId}`)
        .set(asRepublic())
        .send({ status: 'closed' }),
    );
    // The venue's judges score at the venue: on the republic server they cannot sign in at all.
    expectVenueOwned(
      await request(republic.url)
        .post('/api/auth/judge')
        .send({ stageCode: linked.stageCode, pin: judgePin }),
    );

    expect(await ledgerCount(republic, republicToken, linked.categoryId)).toBe(2);
    expect(await republicTeams()).toEqual(before.teams);
    expect(await republicCategory()).toMatchObject({
      status: before.category.status,
      published: false,
    });
    const stage = (
      await request(republic.url).get(`/api/stages/${linked.stageId}`).set(asRepublic()).expect(200)
    ).body;
    expect(stage.status).toBe('live');
    // The republic's own stages stay its own to edit.
    republicStageId = (
      await post('/api/stages', {
        olympiadId: linked.olympiadId,
        kind: 'republic',
        name: 'Republic stage',
        startsOn: '2027-03-20',
        endsOn: '2027-03-22',
      }).expect(201)
    ).body.id;
    await post('/api/categories', {
      stageId: republicStageId,
      discipline: 'maze',
      ageGroup: { label: '3–4', minGrade: 3, maxGrade: 4 },
      name: 'Maze 3–4',
      preset: 'maze-default',
    }).expect(201);
  });

  it('takes the same changes from the venue, which remains the only writer', async () => {
    await request(venue.url)
      .patch(`/api/teams/${teamIds[0]}`)
      .set(asVenue())
      .send({ status: 'withdrawn' })
      .expect(200);
    await request(venue.url)
      .post(`/api/categories/${linked.categoryId}/publish`)
      .set(asVenue())
      .expect(200);
    await eventually(async () => {
      expect((await republicTeams()).find((team) => team.id === teamIds[0])?.status).toBe(
        'withdrawn',
      );
      expect((await republicCategory()).published).toBe(true);
    }, 15_000);
    await waitForSameStandings(venue, venueToken, republic, republicToken, linked.categoryId);
  });

  it("enters qualifiers from the venue's closed stage into the republic stage, which only reads it", async () => {
    await request(venue.url)
      .patch(`/api/stages/${linked.stageId}`)
      .set(asVenue())
      .send({ status: 'closed' })
      .expect(200);
    await eventually(async () => {
      const stage = (
        await request(republic.url)
          .get(`/api/stages/${linked.stageId}`)
          .set(asRepublic())
          .expect(200)
      ).body;
      expect(stage.status).toBe('closed');
    }, 15_000);
    const post = (path: string, body: object) =>
      request(republic.url).post(path).set(asRepublic()).send(body);
    await post(`/api/stages/${linked.stageId}/qualification/preview`, {}).expect(200);
    const entered = (
      await post(`/api/stages/${linked.stageId}/qualification/enter`, {
        targetStageId: republicStageId,
      }).expect(200)
    ).body;
    expect(entered.entered.map((entry: { team: string }) => entry.team)).toEqual(['Қыран 2']);
    expect(await ledgerCount(republic, republicToken, linked.categoryId)).toBe(2);
  });

  it('refuses a second venue that claims the stage with the spent code, and keeps the first venue key', async () => {
    const firstKey = (
      await request(venue.url).get('/api/federation/venue-key').set(asVenue()).expect(200)
    ).body.publicKey as string;
    const linkedKey = async () =>
      (await venueRowOf(republic, republicToken, linked.stageId))?.publicKey;
    expect(await linkedKey()).toBe(firstKey);

    const intruder = await startVenue();
    try {
      const refused = await request(intruder.url)
        .post('/api/federation/link')
        .set('Authorization', `Bearer ${await organiserToken(intruder)}`)
        .send({ code });
      expect({ status: refused.status, key: refused.body.key }).toEqual({
        status: 403,
        key: 'federation.badLinkCode',
      });
    } finally {
      await intruder.stop();
    }
    expect(await linkedKey()).toBe(firstKey);
  });
});
