import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { eventually } from '../support/field-fixture';
import {
  FAST_SYNC,
  issueLinkCode,
  ledgerCount,
  linkStatusAt,
  linkVenue,
  prepareVenueStage,
  standingsOf,
  startLinkedServers,
  type LinkedStage,
} from '../support/federation';
import { freshPostgresDatabase, runsOnPostgres } from '../support/fresh-postgres';
import { startVenue, type Venue } from '../support/start-venue';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy';
import { mazeAttempt, organiserToken } from '../support/venue-api';

/**
 * The olympiad's two servers as the issue describes them: a regional venue on SQLite, the
 * republic server on PostgreSQL (under `npm test`), and between them a TCP proxy the test
 * controls. A regional day flows through cuts, a mid-stream drop, a slow narrow link and kill -9 of
 * either server; at the end the republic holds the venue's results entry for entry.
 */
const republicDatabase = runsOnPostgres ? 'PostgreSQL' : 'SQLite';

describe(`a regional day reaching the republic server (${republicDatabase}) through a faulty link`, () => {
  let republic: Venue;
  let venue: Venue;
  let proxy: TcpProxy;
  let republicToken: string;
  let venueToken: string;
  let linked: LinkedStage;
  let secondCategoryId: string;
  let teams: { categoryId: string; teamId: string }[] = [];
  const recorded: { id: string; categoryId: string; teamId: string; attempt: number }[] = [];
  let republicEnv: Record<string, string> = {};

  const venueApi = () => ({ Authorization: `Bearer ${venueToken}` });

  /** One attempt at the venue, as the organiser's own entry (judging rules are not the subject). */
  async function score(
    team: { categoryId: string; teamId: string },
    attempt: number,
    timeMs: number,
  ) {
    const entry = mazeAttempt({ categoryId: team.categoryId }, team.teamId, attempt, timeMs);
    await request(venue.url).post('/api/ledger').set(venueApi()).send(entry).expect(201);
    recorded.push({ id: entry.id, categoryId: team.categoryId, teamId: team.teamId, attempt });
    return entry.id;
  }

  async function correct(
    supersedes: string,
    team: { categoryId: string; teamId: string },
    timeMs: number,
    attempt: number,
  ) {
    const entry = {
      // A correction is of the same attempt (docs/rules.md#corrections).
      ...mazeAttempt({ categoryId: team.categoryId }, team.teamId, attempt, timeMs),
      supersedes,
      reason: 'Re-timed from the video',
    };
    await request(venue.url).post('/api/ledger').set(venueApi()).send(entry).expect(201);
  }

  async function voidEntry(supersedes: string, categoryId: string) {
    await request(venue.url)
      .post('/api/ledger')
      .set(venueApi())
      .send({
        id: randomUUID(),
        categoryId,
        teamId: null,
        kind: 'void',
        payload: {},
        supersedes,
        reason: 'Robot touched by a team member',
        recordedAt: new Date().toISOString(),
      })
      .expect(201);
  }

  async function restartVenue() {
    const { dataDir, port } = venue;
    venue = await startVenue({ dataDir, port, env: FAST_SYNC });
    venueToken = await organiserToken(venue);
  }

  async function restartRepublic() {
    const { dataDir, port } = republic;
    republic = await startVenue({ dataDir, port, env: republicEnv });
    republicToken = await organiserToken(republic);
  }

  const linkStatus = () => linkStatusAt(venue, venueToken);

  beforeAll(async () => {
    republicEnv = runsOnPostgres ? { DATABASE_URL: await freshPostgresDatabase() } : {};
    ({ republic, venue, republicToken, venueToken, linked } = await startLinkedServers({
      link: 'none',
      republicEnv,
      venueEnv: FAST_SYNC,
    }));
    proxy = await startTcpProxy({ target: { host: '127.0.0.1', port: republic.port } });

    // The code names the address the organiser reached the republic by: here, the proxy.
    const code = await issueLinkCode(
      { ...republic, url: `http://127.0.0.1:${proxy.port}` },
      republicToken,
      linked.stageId,
    );
    await linkVenue(venue, venueToken, code);
    const first = await prepareVenueStage(venue, venueToken, linked, 12);
    // A category the venue adds itself travels like the pulled one.
    const added = await request(venue.url)
      .post('/api/categories')
      .set(venueApi())
      .send({
        stageId: linked.stageId,
        discipline: 'maze',
        ageGroup: { label: '5–6', minGrade: 5, maxGrade: 6 },
        name: 'Maze 5–6',
        preset: 'maze-default',
      })
      .expect(201);
    secondCategoryId = added.body.id;
    const schoolId = (await request(venue.url).get('/api/schools').set(venueApi()).expect(200))
      .body[0].id;
    const secondTeams: string[] = [];
    for (let i = 0; i < 8; i++) {
      const team = await request(venue.url)
        .post('/api/teams')
        .set(venueApi())
        .send({
          stageId: linked.stageId,
          schoolId,
          categoryId: secondCategoryId,
          name: `Сұңқар ${i + 1}`,
          members: [{ name: `Аружан ${i + 1}`, grade: 6 }],
        })
        .expect(201);
      secondTeams.push(team.body.id);
    }
    teams = [
      ...first.teamIds.map((teamId) => ({ categoryId: linked.categoryId, teamId })),
      ...secondTeams.map((teamId) => ({ categoryId: secondCategoryId, teamId })),
    ];
    for (const categoryId of [linked.categoryId, secondCategoryId])
      await request(venue.url)
        .post(`/api/categories/${categoryId}/publish`)
        .set(venueApi())
        .expect(200);
  }, 120_000);

  afterAll(async () => {
    await Promise.all([venue?.stop(), republic?.stop()]);
    await proxy?.close();
  });

  it('arrives once, entry for entry, through cuts, a drop mid-stream, a slow link and kill -9 of either side', async () => {
    // Link up: the first round arrives.
    for (const [index, team] of teams.entries()) await score(team, 1, 40_000 + index * 500);
    // Both categories' entries sent before the cable is pulled, so exactly the next ten wait.
    await eventually(async () => {
      expect(await ledgerCount(republic, republicToken, linked.categoryId)).toBe(12);
      expect((await linkStatus()).pendingEntries).toBe(0);
    }, 20_000);

    // Cable pulled: ten more entries wait at the venue, and the venue says so.
    proxy.cut();
    const waiting = teams.slice(0, 10);
    const secondRound: string[] = [];
    for (const [index, team] of waiting.entries())
      secondRound.push(await score(team, 2, 38_000 + index * 700));
    await eventually(async () => {
      const status = await linkStatus();
      expect(status.state).toBe('down');
      expect(status.pendingEntries).toBe(10);
    }, 20_000);
    expect(await ledgerCount(republic, republicToken, linked.categoryId)).toBe(12);

    // Plugged back in, but the first batch is dropped halfway through its body.
    proxy.dropAfter(600);
    proxy.restore();
    await eventually(async () => expect((await linkStatus()).pendingEntries).toBe(0), 30_000);

    // The venue is killed mid-day and comes back on the same data folder; corrections and voids
    // made while the republic is cut off arrive after it, in order.
    proxy.cut();
    await correct(secondRound[0], waiting[0], 37_123, 2);
    await voidEntry(secondRound[1], waiting[1].categoryId);
    await venue.kill();
    await restartVenue();
    // The republic is killed too, with the link down, and comes back on its database.
    await republic.kill();
    await restartRepublic();

    // A slow, narrow link: 256 kbit/s and 300 ms round trips.
    proxy.setBandwidth(32 * 1024);
    proxy.setLatency(150);
    proxy.restore();
    for (const [index, team] of teams.entries()) await score(team, 3, 36_000 + index * 300);
    // A category locked at the venue travels too, with the time it was locked.
    await request(venue.url)
      .post(`/api/categories/${secondCategoryId}/lock`)
      .set(venueApi())
      .expect(200);

    await eventually(async () => {
      const status = await linkStatus();
      expect(status).toMatchObject({ pendingEntries: 0, pendingChanges: false, state: 'up' });
    }, 90_000);

    for (const categoryId of [linked.categoryId, secondCategoryId]) {
      expect(await standingsOf(republic, republicToken, categoryId)).toEqual(
        await standingsOf(venue, venueToken, categoryId),
      );
      expect(await ledgerCount(republic, republicToken, categoryId)).toBe(
        await ledgerCount(venue, venueToken, categoryId),
      );
    }
    // Every entry the venue recorded is on the republic exactly once, under its own id.
    const republicIds: string[] = [];
    for (const categoryId of [linked.categoryId, secondCategoryId]) {
      const rows = (
        await request(republic.url)
          .get(`/api/categories/${categoryId}/ledger`)
          .set('Authorization', `Bearer ${republicToken}`)
          .expect(200)
      ).body as { id: string }[];
      republicIds.push(...rows.map((row) => row.id));
    }
    expect(new Set(republicIds).size).toBe(republicIds.length);
    expect(republicIds).toEqual(expect.arrayContaining(recorded.map((entry) => entry.id)));
    const category = (
      await request(republic.url)
        .get(`/api/categories/${secondCategoryId}`)
        .set('Authorization', `Bearer ${republicToken}`)
        .expect(200)
    ).body;
    expect(category).toMatchObject({ status: 'locked' });
    expect(category.lockedAt).toEqual(expect.any(String));
    // Nothing was kept aside: no id ever arrived with other content.
    const conflicts = await request(republic.url)
      .get(`/api/federation/conflicts?stageId=${linked.stageId}`)
      .set('Authorization', `Bearer ${republicToken}`)
      .expect(200);
    expect(conflicts.body).toEqual([]);
    expect(proxy.stats().connections).toBeGreaterThan(1);
  }, 240_000);
});
