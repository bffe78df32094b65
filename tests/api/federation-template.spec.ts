import request from 'supertest';
import { eventually } from '../support/field-fixture';
import {
  FAST_SYNC,
  issueLinkCode,
  ledgerCount,
  linkStatusAt,
  linkVenue,
  prepareVenueStage,
  recordAttempt,
  startLinkedServers,
  venueRowOf,
  waitForSameStandings,
  type LinkedStage,
} from '../support/federation';
import { startVenue, type Venue } from '../support/start-venue';
import { judgeToken, organiserToken } from '../support/venue-api';

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

interface CategoryRow {
  id: string;
  name: string;
  preset: string;
  ruleSet: { params: Record<string, unknown> };
  templateRuleSet: unknown;
}

const categoriesOf = async (server: Venue, token: string, stageId: string) =>
  (
    (
      await request(server.url)
        .get(`/api/stages/${stageId}/categories`)
        .set(auth(token))
        .expect(200)
    ).body as CategoryRow[]
  ).sort((a, b) => a.id.localeCompare(b.id));

const setParams = (server: Venue, token: string, categoryId: string, params: object) =>
  request(server.url)
    .patch(`/api/categories/${categoryId}/params`)
    .set(auth(token))
    .send({ params })
    .expect(200);

/**
 * The olympiad's template flows down (docs/federation.md, "Template"): the venue judges by the
 * rule sets the republic defined, may add its own categories, and a pulled rule set it changes
 * is shown as a deviation on both sides. Re-linking (a replaced laptop) moves the stage to the
 * new venue's key.
 */
describe("the republic's categories as the venue's template", () => {
  let republic: Venue;
  let venue: Venue;
  let republicToken: string;
  let venueToken: string;
  let linked: LinkedStage;
  let sumoId: string;
  let ownCategoryId: string;
  let template: CategoryRow[];

  const republicVenue = () => venueRowOf(republic, republicToken, linked.stageId);

  beforeAll(async () => {
    // The first test links the venue once it has shaped the template.
    ({ republic, venue, republicToken, venueToken, linked } = await startLinkedServers({
      link: 'none',
      venueEnv: FAST_SYNC,
    }));
  }, 60_000);

  afterAll(async () => {
    await Promise.all([venue?.stop(), republic?.stop()]);
  });

  it('gives the linking venue the same categories, ids and rule sets', async () => {
    const presets = (await request(republic.url).get('/api/rule-presets').expect(200)).body as {
      name: string;
      ruleSet: { params: { attempts: number; match: { matchTimeMs: number } } };
    }[];
    const maze = presets.find((preset) => preset.name === 'maze-default')!.ruleSet.params;
    const sumo = presets.find((preset) => preset.name === 'sumo-default')!.ruleSet.params;
    // The republic's own choices, away from the presets' defaults.
    await setParams(republic, republicToken, linked.categoryId, {
      attempts: maze.attempts - 1,
      'touchPenalty.ms': 5_000,
    });
    sumoId = (
      await request(republic.url)
        .post('/api/categories')
        .set(auth(republicToken))
        .send({
          stageId: linked.stageId,
          discipline: 'sumo',
          ageGroup: { label: '5–6', minGrade: 5, maxGrade: 6 },
          name: 'Сумо 5–6',
          preset: 'sumo-default',
        })
        .expect(201)
    ).body.id;
    await setParams(republic, republicToken, sumoId, {
      'match.matchTimeMs': sumo.match.matchTimeMs - 30_000,
    });
    template = await categoriesOf(republic, republicToken, linked.stageId);
    expect(template.map((category) => category.ruleSet.params)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ attempts: maze.attempts - 1 }),
        expect.objectContaining({
          match: expect.objectContaining({ matchTimeMs: sumo.match.matchTimeMs - 30_000 }),
        }),
      ]),
    );

    await linkVenue(
      venue,
      venueToken,
      await issueLinkCode(republic, republicToken, linked.stageId),
    );
    const atVenue = await categoriesOf(venue, venueToken, linked.stageId);
    expect(atVenue.map(({ id, name, preset, ruleSet }) => ({ id, name, preset, ruleSet }))).toEqual(
      template.map(({ id, name, preset, ruleSet }) => ({ id, name, preset, ruleSet })),
    );
    expect((await linkStatusAt(venue, venueToken)).deviations).toEqual([]);
  }, 60_000);

  it('shows a changed pulled rule set as a deviation on both sides, and brings the venue’s own category', async () => {
    ownCategoryId = (
      await request(venue.url)
        .post('/api/categories')
        .set(auth(venueToken))
        .send({
          stageId: linked.stageId,
          discipline: 'maze',
          ageGroup: { label: '1–2', minGrade: 1, maxGrade: 2 },
          name: 'Лабиринт 1–2',
          preset: 'maze-default',
        })
        .expect(201)
    ).body.id;
    expect((await linkStatusAt(venue, venueToken)).deviations).toEqual([]);

    // Allowed while nothing is scored in it; it is now a deviation from the template.
    await setParams(venue, venueToken, linked.categoryId, { attempts: 5 });
    expect((await linkStatusAt(venue, venueToken)).deviations).toEqual([
      { categoryId: linked.categoryId, name: 'Maze 3–4' },
    ]);

    await eventually(async () => {
      expect((await republicVenue())?.deviations).toEqual([
        { categoryId: linked.categoryId, name: 'Maze 3–4' },
      ]);
      const atRepublic = await categoriesOf(republic, republicToken, linked.stageId);
      expect(atRepublic.map((category) => category.id)).toContain(ownCategoryId);
    }, 20_000);
    const atRepublic = await categoriesOf(republic, republicToken, linked.stageId);
    const atVenue = await categoriesOf(venue, venueToken, linked.stageId);
    // The republic holds what the venue judges by, the template beside it.
    expect(atRepublic.map(({ id, ruleSet }) => ({ id, ruleSet }))).toEqual(
      atVenue.map(({ id, ruleSet }) => ({ id, ruleSet })),
    );
    const maze = atRepublic.find((category) => category.id === linked.categoryId)!;
    expect(maze.ruleSet.params.attempts).toBe(5);
    expect(maze.templateRuleSet).toEqual(
      template.find((category) => category.id === linked.categoryId)!.ruleSet,
    );
    expect(atRepublic.find((category) => category.id === ownCategoryId)!.templateRuleSet).toBe(
      null,
    );
    expect(atRepublic.find((category) => category.id === sumoId)!.ruleSet).toEqual(
      template.find((category) => category.id === sumoId)!.ruleSet,
    );
  }, 60_000);

  it("gives a regional stage without categories of its own the republic stage's, defined once for the olympiad", async () => {
    const api = (path: string, body: object) =>
      request(republic.url).post(path).set(auth(republicToken)).send(body);
    const republicStage = (
      await api('/api/stages', {
        olympiadId: linked.olympiadId,
        kind: 'republic',
        name: 'Republic stage',
        startsOn: '2027-03-20',
        endsOn: '2027-03-21',
      }).expect(201)
    ).body;
    const finalMaze = (
      await api('/api/categories', {
        stageId: republicStage.id,
        discipline: 'maze',
        ageGroup: { label: '3–4', minGrade: 3, maxGrade: 4 },
        name: 'Лабиринт 3–4',
        preset: 'maze-default',
      }).expect(201)
    ).body;
    await setParams(republic, republicToken, finalMaze.id, { attempts: 4 });
    const bare = (
      await api('/api/stages', {
        olympiadId: linked.olympiadId,
        kind: 'regional',
        regionCode: 'abai',
        name: 'Abai regional stage',
        startsOn: '2026-12-12',
        endsOn: '2026-12-12',
      }).expect(201)
    ).body;

    const file = (
      await request(republic.url)
        .get(`/api/stages/${bare.id}/link-file`)
        .set(auth(republicToken))
        .expect(200)
    ).body;
    const linkFile = JSON.parse(
      Buffer.isBuffer(file) ? file.toString('utf8') : JSON.stringify(file),
    );
    expect(linkFile.stage.categories).toEqual([
      expect.objectContaining({
        name: 'Лабиринт 3–4',
        preset: 'maze-default',
        ruleSet: expect.objectContaining({ params: expect.objectContaining({ attempts: 4 }) }),
      }),
    ]);
    const own = await categoriesOf(republic, republicToken, bare.id);
    expect(own).toHaveLength(1);
    expect(own[0].id).not.toBe(finalMaze.id);
    // Issued again: the stage has its categories now and takes no second copy.
    await issueLinkCode(republic, republicToken, bare.id);
    expect(await categoriesOf(republic, republicToken, bare.id)).toHaveLength(1);
  });

  describe('when the laptop is replaced', () => {
    let replacement: Venue;
    let replacementToken: string;

    beforeAll(async () => {
      replacement = await startVenue({ env: FAST_SYNC });
      replacementToken = await organiserToken(replacement);
    }, 60_000);

    afterAll(async () => {
      await replacement?.stop();
    });

    it("re-linking moves the stage to the new venue's key: the old venue is refused, the new one's data flows", async () => {
      const { teamIds, judge } = await prepareVenueStage(venue, venueToken, linked, 2);
      const tablet = await judgeToken(venue, linked.stageCode, judge.pin);
      const score = (server: Venue, tablet: string, teamId: string, timeMs: number) =>
        recordAttempt(server, tablet, linked, teamId, 1, timeMs);
      await score(venue, tablet, teamIds[0], 61_000);
      await waitForSameStandings(venue, venueToken, republic, republicToken, linked.categoryId);
      const oldKey = (await republicVenue())?.publicKey;

      // The republic organiser re-links the stage; the new laptop claims it with the new code.
      const code = await issueLinkCode(republic, republicToken, linked.stageId);
      await linkVenue(replacement, replacementToken, code);
      const newKey = (
        await request(replacement.url)
          .get('/api/federation/venue-key')
          .set(auth(replacementToken))
          .expect(200)
      ).body.publicKey;
      expect(newKey).not.toBe(oldKey);
      expect(await republicVenue()).toMatchObject({ linkState: 'linked', publicKey: newKey });
      // The new laptop judges by the republic's template, not by the old laptop's deviation.
      const pulled = (await categoriesOf(replacement, replacementToken, linked.stageId)).find(
        (category) => category.id === linked.categoryId,
      )!;
      expect(pulled.ruleSet).toEqual(
        template.find((category) => category.id === linked.categoryId)!.ruleSet,
      );

      // The old laptop's next batch is refused, and it says so.
      await score(venue, tablet, teamIds[1], 62_000);
      await eventually(async () => {
        const status = await linkStatusAt(venue, venueToken);
        expect(status.state).toBe('down');
        expect(status.lastError).toMatch(/federation\.foreignKey/);
        expect(status.pendingEntries).toBe(1);
      }, 20_000);
      expect(await ledgerCount(republic, republicToken, linked.categoryId)).toBe(1);

      // The new laptop's scores arrive.
      const fresh = await prepareVenueStage(replacement, replacementToken, linked, 1);
      const freshTablet = await judgeToken(replacement, linked.stageCode, fresh.judge.pin);
      await score(replacement, freshTablet, fresh.teamIds[0], 55_000);
      await eventually(async () => {
        expect(await ledgerCount(republic, republicToken, linked.categoryId)).toBe(2);
        const status = await linkStatusAt(replacement, replacementToken);
        expect(status).toMatchObject({ state: 'up', pendingEntries: 0, lastError: null });
      }, 20_000);
      const teams = (
        await request(republic.url)
          .get(`/api/stages/${linked.stageId}/teams`)
          .set(auth(republicToken))
          .expect(200)
      ).body as { id: string }[];
      expect(teams.map((team) => team.id)).toContain(fresh.teamIds[0]);
    }, 90_000);
  });
});
