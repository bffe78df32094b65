import request from 'supertest';
import { eventually } from '../support/field-fixture';
import {
  FAST_SYNC,
  issueLinkCode,
  ledgerCount,
  linkVenue,
  recordAttempt,
  standingsOf,
  waitForSameStandings,
} from '../support/federation';
import { startVenue, type Venue } from '../support/start-venue';
import { judgeToken, organiserToken } from '../support/venue-api';

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

interface Region {
  code: string;
  stageCode: string;
  name: string;
  /** Team name and its one maze time (null: did not finish). */
  results: [string, number | null][];
}
interface Synced extends Region {
  venue: Venue;
  venueToken: string;
  stageId: string;
  categoryId: string;
  teams: Record<string, string>;
}
interface Decision {
  teamId: string;
  team: string;
  qualified: boolean;
  reason: string;
  message: string;
}

const AKTOBE: Region = {
  code: 'aktobe',
  stageCode: 'AKT-R',
  name: 'Ақтөбе облыстық кезеңі',
  results: [
    ['Қыран', 48_000],
    ['Шағала', 52_000],
    ['Барыс', 45_000],
    ['Түлкі', 60_000],
    ['Бүркіт', null],
    ['Сұңқар', 70_000],
  ],
};
const ALMATY: Region = {
  code: 'almaty',
  stageCode: 'ALA-R',
  name: 'Алматы қалалық кезеңі',
  results: [
    ['Тұлпар', 30_000],
    ['Арлан', 90_000],
    ['Көкжал', 55_000],
    ['Жайсаң', null],
    ['Ақбөкен', 75_000],
  ],
};

/**
 * Qualification across servers (docs/federation.md, "Qualification"): two venues run their
 * regional stages on their own laptops and sync them to the republic server, where the republic
 * organiser builds the republic stage's entry list from the synced standings with the same rules
 * and API as on one server.
 */
describe('qualification into the republic stage from synced regional stages', () => {
  let republic: Venue;
  let republicToken: string;
  let olympiadId: string;
  let republicStageId: string;
  const regions: Synced[] = [];
  const onRepublic = (method: 'get' | 'post' | 'patch', path: string) =>
    request(republic.url)[method](path).set(auth(republicToken));

  /** On the republic server: the regional stage in the olympiad, with its maze template. */
  async function regionalStageOnRepublic(region: Region) {
    const stage = (
      await onRepublic('post', '/api/stages')
        .send({
          olympiadId,
          kind: 'regional',
          regionCode: region.code,
          name: region.name,
          startsOn: '2026-12-05',
          endsOn: '2026-12-06',
          code: region.stageCode,
        })
        .expect(201)
    ).body;
    const category = (
      await onRepublic('post', '/api/categories')
        .send({
          stageId: stage.id,
          discipline: 'maze',
          ageGroup: { label: '3–4', minGrade: 3, maxGrade: 4 },
          name: 'Лабиринт 3–4',
          preset: 'maze-default',
        })
        .expect(201)
    ).body;
    return { stageId: stage.id as string, categoryId: category.id as string };
  }

  /** At the venue: its day, from registration to the closed stage. */
  async function runRegionalDay(region: Synced) {
    const { venue, venueToken } = region;
    const post = (path: string, body: object) =>
      request(venue.url).post(path).set(auth(venueToken)).send(body).expect(201);
    const school = (
      await post('/api/schools', { name: `${region.name} №1`, regionCode: region.code })
    ).body;
    for (const [index, [name]] of region.results.entries()) {
      region.teams[name] = (
        await post('/api/teams', {
          stageId: region.stageId,
          schoolId: school.id,
          categoryId: region.categoryId,
          name,
          members: [{ name: `${name} ${index + 1}`, grade: 3 + (index % 2) }],
        })
      ).body.id;
    }
    const judge = (
      await post('/api/judges', {
        stageId: region.stageId,
        name: 'Асқар',
        role: 'judge',
        categoryIds: [region.categoryId],
      })
    ).body;
    const stage = (status: string) =>
      request(venue.url)
        .patch(`/api/stages/${region.stageId}`)
        .set(auth(venueToken))
        .send({ status })
        .expect(200);
    await stage('live');
    const tablet = await judgeToken(venue, region.stageCode, judge.pin);
    for (const [name, time] of region.results)
      await recordAttempt(venue, tablet, region, region.teams[name], 1, time);
    await request(venue.url)
      .post(`/api/categories/${region.categoryId}/lock`)
      .set(auth(venueToken))
      .expect(200);
    await stage('closed');
  }

  const preview = async (server: Venue, token: string, stageId: string, body: object) =>
    (
      await request(server.url)
        .post(`/api/stages/${stageId}/qualification/preview`)
        .set(auth(token))
        .send(body)
        .expect(200)
    ).body.decisions as Decision[];

  /** What the republic holds of a venue's stage; entering qualifiers must not change it. */
  const syncedCopy = async (region: Synced) => ({
    stage: (await onRepublic('get', `/api/stages/${region.stageId}`).expect(200)).body,
    categories: (await onRepublic('get', `/api/stages/${region.stageId}/categories`).expect(200))
      .body,
    teams: (await onRepublic('get', `/api/stages/${region.stageId}/teams`).expect(200)).body,
    ledger: await ledgerCount(republic, republicToken, region.categoryId),
    standings: await standingsOf(republic, republicToken, region.categoryId),
  });

  beforeAll(async () => {
    const servers = await Promise.all([
      startVenue(),
      startVenue({ env: FAST_SYNC }),
      startVenue({ env: FAST_SYNC }),
    ]);
    republic = servers[0];
    republicToken = await organiserToken(republic);
    olympiadId = (
      await onRepublic('post', '/api/olympiads')
        .send({ name: 'R:ED FEST 2026', season: '2026' })
        .expect(201)
    ).body.id;
    republicStageId = (
      await onRepublic('post', '/api/stages')
        .send({
          olympiadId,
          kind: 'republic',
          name: 'Республикалық кезең',
          startsOn: '2027-03-20',
          endsOn: '2027-03-21',
        })
        .expect(201)
    ).body.id;
    for (const [index, region] of [AKTOBE, ALMATY].entries()) {
      const venue = servers[index + 1];
      const venueToken = await organiserToken(venue);
      const ids = await regionalStageOnRepublic(region);
      await linkVenue(venue, venueToken, await issueLinkCode(republic, republicToken, ids.stageId));
      regions.push({ ...region, ...ids, venue, venueToken, teams: {} });
    }
  }, 60_000);

  afterAll(async () => {
    await Promise.all([republic?.stop(), ...regions.map((region) => region.venue.stop())]);
  });

  it('syncs both regional days, closed, to the republic', async () => {
    await Promise.all(regions.map(runRegionalDay));
    for (const region of regions) {
      await waitForSameStandings(
        region.venue,
        region.venueToken,
        republic,
        republicToken,
        region.categoryId,
      );
      await eventually(async () => {
        const stage = (await onRepublic('get', `/api/stages/${region.stageId}`).expect(200)).body;
        expect(stage.status).toBe('closed');
      }, 20_000);
    }
  }, 90_000);

  const [aktobe, almaty] = [0, 1].map((index) => () => regions[index]);
  const rules = () => [
    {
      region: aktobe(),
      body: {
        rule: {
          selection: { mode: 'top-n', n: 3 },
          perAgeGroup: false,
          threshold: { kind: 'finished' },
          carryOver: false,
        },
        wildcards: [
          {
            categoryId: aktobe().categoryId,
            teamId: aktobe().teams['Сұңқар'],
            reason: 'Ең жас команда / самая юная команда',
          },
        ],
      },
    },
    {
      region: almaty(),
      body: {
        rule: {
          selection: { mode: 'top-percent', percent: 60 },
          perAgeGroup: false,
          threshold: { kind: 'max-primary', value: 70_000 },
          carryOver: false,
        },
        wildcards: [],
      },
    },
  ];

  it("previews on the republic exactly what the same rule gives from the venue's own standings", async () => {
    for (const { region, body } of rules()) {
      const atRepublic = await preview(republic, republicToken, region.stageId, body);
      const atVenue = await preview(region.venue, region.venueToken, region.stageId, body);
      expect(atRepublic).toEqual(atVenue);
      // And it follows the venue's standings: the decisions in the venue's place order.
      const venueRows = (await standingsOf(region.venue, region.venueToken, region.categoryId))
        .standings.rows as { teamId: string }[];
      expect(atRepublic.map((decision) => decision.teamId)).toEqual(
        venueRows.map((row) => row.teamId),
      );
    }
    const qualified = async (region: Synced, body: object) =>
      (await preview(republic, republicToken, region.stageId, body))
        .filter((decision) => decision.qualified)
        .map((decision) => [decision.team, decision.reason]);
    const [first, second] = rules();
    expect(await qualified(first.region, first.body)).toEqual([
      ['Барыс', 'top-n'],
      ['Қыран', 'top-n'],
      ['Шағала', 'top-n'],
      ['Сұңқар', 'wildcard'],
    ]);
    // 60% of 5 is 3 places; Ақбөкен's 75 s is over the 70 s threshold.
    expect(await qualified(second.region, second.body)).toEqual([
      ['Тұлпар', 'top-percent'],
      ['Көкжал', 'top-percent'],
    ]);
  }, 60_000);

  it('enters the qualifiers into the republic stage, with their explanations, and leaves the synced stages as the venues sent them', async () => {
    const before = await Promise.all(regions.map(syncedCopy));
    const explained: { team: string; reason: string; note: string; fromStage: string }[] = [];
    for (const { region, body } of rules()) {
      const decisions = await preview(republic, republicToken, region.stageId, body);
      const answer = (
        await onRepublic('post', `/api/stages/${region.stageId}/qualification/enter`)
          .send({ ...body, targetStageId: republicStageId })
          .expect(200)
      ).body;
      const qualified = decisions.filter((decision) => decision.qualified);
      expect(answer.entered.map((entry: { team: string }) => entry.team)).toEqual(
        qualified.map((decision) => decision.team),
      );
      for (const decision of qualified)
        explained.push({
          team: decision.team,
          reason: decision.reason,
          note: decision.message,
          fromStage: region.name,
        });
    }
    const entries = (
      await onRepublic('get', `/api/stages/${republicStageId}/qualification/entries`).expect(200)
    ).body as { team: string; reason: string; note: string; fromStage: string }[];
    expect(
      entries.map(({ team, reason, note, fromStage }) => ({ team, reason, note, fromStage })),
    ).toEqual(explained);
    expect(entries.find((entry) => entry.team === 'Сұңқар')?.note).toContain('самая юная команда');

    // The republic stage got the teams, in one category made for them: a fresh, unscored one.
    const republicTeams = (
      await onRepublic('get', `/api/stages/${republicStageId}/teams`).expect(200)
    ).body as { name: string }[];
    expect(republicTeams.map((team) => team.name).sort()).toEqual(
      explained.map((entry) => entry.team).sort(),
    );
    const categories = (
      await onRepublic('get', `/api/stages/${republicStageId}/categories`).expect(200)
    ).body;
    expect(categories).toHaveLength(1);
    expect(categories[0]).toMatchObject({
      name: 'Лабиринт 3–4',
      status: 'setup',
      published: false,
      lockedAt: null,
      publishedAt: null,
      templateRuleSet: null,
    });

    // Meanwhile the synced stages stay the venues': the republic organiser cannot reopen one to
    // score or change it.
    for (const region of regions) {
      const refused = await onRepublic('patch', `/api/stages/${region.stageId}`)
        .send({ status: 'live' })
        .expect(403);
      expect(refused.body.key).toBe('federation.venueOwned');
    }
    // The venues' stages on the republic are exactly as the venues sent them.
    expect(await Promise.all(regions.map(syncedCopy))).toEqual(before);
  }, 60_000);

  it('keeps applying what a venue sends after the entry list is made, with no conflict', async () => {
    const region = aktobe();
    await request(region.venue.url)
      .post(`/api/categories/${region.categoryId}/publish`)
      .set(auth(region.venueToken))
      .expect(200);
    await eventually(async () => {
      const category = (await onRepublic('get', `/api/categories/${region.categoryId}`).expect(200))
        .body;
      expect(category.published).toBe(true);
    }, 20_000);
    await waitForSameStandings(
      region.venue,
      region.venueToken,
      republic,
      republicToken,
      region.categoryId,
    );
    const venues = (await onRepublic('get', '/api/federation/venues').expect(200)).body as {
      conflicts: number;
    }[];
    expect(venues.map((venue) => venue.conflicts)).toEqual([0, 0]);
    const entries = (
      await onRepublic('get', `/api/stages/${republicStageId}/qualification/entries`).expect(200)
    ).body;
    expect(entries).toHaveLength(6);
  }, 60_000);
});
