import * as net from 'node:net';
import request from 'supertest';
import { binaryBody } from '../support/binary-body';
import { eventually } from '../support/field-fixture';
import {
  ledgerCount,
  linkStatusAt,
  prepareVenueStage,
  recordAttempt,
  standingsOf,
  startLinkedServers,
  venueRowOf,
  type LinkedStage,
} from '../support/federation';
import { startVenue, type Venue } from '../support/start-venue';
import { createMazeStage, judgeToken, mazeAttempt, organiserToken } from '../support/venue-api';

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

/** A port nothing listens on: taken from the kernel, then given back. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const exportBundle = async (server: Venue, token: string, stageId: string) =>
  (
    await request(server.url)
      .get(`/api/stages/${stageId}/bundle`)
      .set(auth(token))
      .buffer(true)
      .parse(binaryBody)
      .expect(200)
  ).body as Buffer;

/**
 * The bundle path of docs/federation.md ("Import"): a venue with no connection to the republic at
 * all is linked by a link file and delivers its stage as bundle files (a USB stick).
 */
describe('a venue that reaches the republic only by file', () => {
  let republic: Venue;
  let venue: Venue;
  let republicToken: string;
  let venueToken: string;
  let linked: LinkedStage;
  let linkFileText: string;
  let teamIds: string[];
  let tablet: string;
  let firstBundle: Buffer;
  let newerBundle: Buffer;
  let entriesSoFar = 0;

  const importBundle = (bytes: Buffer) =>
    request(republic.url)
      .post('/api/federation/bundles')
      .set(auth(republicToken))
      .set('Content-Type', 'application/octet-stream')
      .send(bytes);
  const score = (teamId: string, attempt: number, timeMs: number) =>
    recordAttempt(venue, tablet, linked, teamId, attempt, timeMs);
  const venueList = async () =>
    (await request(republic.url).get('/api/federation/venues').set(auth(republicToken)).expect(200))
      .body as { stageId: string; [field: string]: unknown }[];
  const venueRow = () => venueRowOf(republic, republicToken, linked.stageId);
  /** What an import must leave alone when it is refused or brings nothing new. */
  const republicState = async () => ({
    ledger: await ledgerCount(republic, republicToken, linked.categoryId),
    standings: await standingsOf(republic, republicToken, linked.categoryId),
    teams: await teamsOn(republic, republicToken),
    venues: await venueList(),
    conflicts: (
      await request(republic.url)
        .get('/api/federation/conflicts')
        .set(auth(republicToken))
        .expect(200)
    ).body,
  });
  const teamsOn = async (server: Venue, token: string) =>
    (
      (
        await request(server.url)
          .get(`/api/stages/${linked.stageId}/teams`)
          .set(auth(token))
          .expect(200)
      ).body as { id: string; name: string; status: string }[]
    )
      .map(({ id, name, status }) => ({ id, name, status }))
      .sort((a, b) => a.id.localeCompare(b.id));

  beforeAll(async () => {
    ({ republic, venue, republicToken, venueToken, linked } = await startLinkedServers({
      link: 'none',
    }));
    // A link file names the republic by the address it was asked on. Asked with the Host of a port
    // nothing listens on, it names a republic the venue can never reach (its outbox keeps failing
    // with "connection refused"), so everything that gets across in this test is carried by file.
    const unreachable = await closedPort();
    linkFileText = (
      await request(republic.url)
        .get(`/api/stages/${linked.stageId}/link-file`)
        .set(auth(republicToken))
        .set('Host', `127.0.0.1:${unreachable}`)
        .buffer(true)
        .parse((res, callback) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => callback(null, text));
        })
        .expect(200)
    ).body as string;
    const code = JSON.parse(linkFileText).code as string;
    const content = JSON.parse(
      Buffer.from(code.slice('OLYMPIAD-LINK:'.length), 'base64url').toString('utf8'),
    );
    expect(content.url).toBe(`http://127.0.0.1:${unreachable}`);
  }, 60_000);

  afterAll(async () => {
    await Promise.all([venue?.stop(), republic?.stop()]);
  });

  it('links by the file alone and scores with no word to the republic', async () => {
    const status = (
      await request(venue.url)
        .post('/api/federation/link')
        .set(auth(venueToken))
        .send({ code: linkFileText })
        .expect(201)
    ).body;
    expect(status).toMatchObject({ stageId: linked.stageId, claimed: false });
    const categories = (
      await request(venue.url)
        .get(`/api/stages/${linked.stageId}/categories`)
        .set(auth(venueToken))
        .expect(200)
    ).body as { id: string }[];
    expect(categories.map((category) => category.id)).toEqual([linked.categoryId]);

    const prepared = await prepareVenueStage(venue, venueToken, linked, 3);
    teamIds = prepared.teamIds;
    tablet = await judgeToken(venue, linked.stageCode, prepared.judge.pin);
    for (const [index, teamId] of teamIds.entries()) await score(teamId, 1, 50_000 + index * 1_000);
    entriesSoFar = 3;

    // The venue tries its outbox and is refused at the closed port; the republic has heard nothing:
    // its code still waits and its copy of the stage has no team.
    await eventually(async () => {
      expect(await linkStatusAt(venue, venueToken)).toMatchObject({
        state: 'file-only',
        lastError: expect.stringMatching(/ECONNREFUSED/),
      });
    }, 15_000);
    expect(await venueRow()).toMatchObject({ linkState: 'code-issued', publicKey: null });
    expect(await teamsOn(republic, republicToken)).toEqual([]);
  }, 60_000);

  it('imports the bundle: the stage is claimed with the key that signed it and equals the venue', async () => {
    firstBundle = await exportBundle(venue, venueToken, linked.stageId);
    const outcome = (await importBundle(firstBundle).expect(200)).body;
    expect(outcome).toMatchObject({
      stageId: linked.stageId,
      applied: entriesSoFar,
      duplicates: 0,
      conflicts: 0,
      snapshotApplied: true,
    });
    const venueKey = (
      await request(venue.url).get('/api/federation/venue-key').set(auth(venueToken)).expect(200)
    ).body.publicKey;
    expect(await venueRow()).toMatchObject({
      linkState: 'linked',
      publicKey: venueKey,
      lastVia: 'bundle',
      entries: entriesSoFar,
      conflicts: 0,
    });
    expect(await standingsOf(republic, republicToken, linked.categoryId)).toEqual(
      await standingsOf(venue, venueToken, linked.categoryId),
    );
    expect(await teamsOn(republic, republicToken)).toEqual(await teamsOn(venue, venueToken));
    expect(await ledgerCount(republic, republicToken, linked.categoryId)).toBe(entriesSoFar);
  }, 60_000);

  it('imports the same bundle again: nothing changes', async () => {
    const before = await republicState();
    const outcome = (await importBundle(firstBundle).expect(200)).body;
    expect(outcome).toMatchObject({ applied: 0, duplicates: entriesSoFar, conflicts: 0 });
    expect(outcome.snapshotApplied).toBe(false);
    expect(await republicState()).toEqual(before);
  }, 60_000);

  it('imports a newer bundle, then the older one again: the older changes nothing', async () => {
    // Between the two files the venue scores a second attempt and withdraws a team.
    await score(teamIds[0], 2, 41_000);
    entriesSoFar += 1;
    await request(venue.url)
      .patch(`/api/teams/${teamIds[2]}`)
      .set(auth(venueToken))
      .send({ status: 'withdrawn' })
      .expect(200);
    newerBundle = await exportBundle(venue, venueToken, linked.stageId);
    const outcome = (await importBundle(newerBundle).expect(200)).body;
    expect(outcome).toMatchObject({
      applied: 1,
      duplicates: entriesSoFar - 1,
      snapshotApplied: true,
    });
    const venueStandings = await standingsOf(venue, venueToken, linked.categoryId);
    expect(await standingsOf(republic, republicToken, linked.categoryId)).toEqual(venueStandings);
    const withdrawn = (await teamsOn(republic, republicToken)).find((t) => t.id === teamIds[2]);
    expect(withdrawn?.status).toBe('withdrawn');

    const before = await republicState();
    const older = (await importBundle(firstBundle).expect(200)).body;
    expect(older).toMatchObject({ applied: 0, duplicates: entriesSoFar - 1, conflicts: 0 });
    expect(older.snapshotApplied).toBe(false);
    const after = await republicState();
    expect(after).toEqual(before);
    // The team the older file still has as active stays withdrawn, as the venue has it.
    expect(after.teams.find((team) => team.id === teamIds[2])?.status).toBe('withdrawn');
    expect(after.standings).toEqual(venueStandings);
  }, 60_000);

  it('refuses a bundle with one changed byte and stores nothing', async () => {
    const before = await republicState();
    const tampered = Buffer.from(newerBundle);
    tampered[Math.floor(tampered.length / 2)] ^= 0x01;
    const response = await importBundle(tampered).expect(400);
    expect(response.body.key).toBe('federation.damaged');
    expect(response.body.message).toEqual(expect.any(String));
    expect(await republicState()).toEqual(before);
  }, 60_000);

  it('refuses a file that is not a bundle', async () => {
    const before = await republicState();
    const response = await importBundle(Buffer.from('Команды,Школа\nҚыран 1,№21\n', 'utf8')).expect(
      400,
    );
    expect(response.body.key).toBe('federation.notABundle');
    expect(await republicState()).toEqual(before);
  }, 60_000);

  describe('with a second laptop', () => {
    let other: Venue;
    let otherToken: string;

    beforeAll(async () => {
      other = await startVenue();
      otherToken = await organiserToken(other);
    }, 60_000);

    afterAll(async () => {
      await other?.stop();
    });

    it('refuses the same stage signed by another venue, even one holding a copy of the link file', async () => {
      // The second laptop got a copy of the same link file: it has the same stage, the same ids
      // and the (now spent) link secret, but its own key.
      await request(other.url)
        .post('/api/federation/link')
        .set(auth(otherToken))
        .send({ code: linkFileText })
        .expect(201);
      const { teamIds: otherTeams, judge } = await prepareVenueStage(other, otherToken, linked, 1);
      const otherTablet = await judgeToken(other, linked.stageCode, judge.pin);
      await request(other.url)
        .post('/api/ledger')
        .set(auth(otherTablet))
        .send(mazeAttempt(linked, otherTeams[0], 1, 10_000))
        .expect(201);
      const foreign = await exportBundle(other, otherToken, linked.stageId);

      const before = await republicState();
      const response = await importBundle(foreign).expect(403);
      expect(response.body.key).toBe('federation.foreignKey');
      expect(await republicState()).toEqual(before);
    }, 60_000);

    it('refuses a bundle of a stage the republic does not know', async () => {
      const own = await createMazeStage(other, otherToken, { teams: 1, code: 'OTHER-1' });
      const stray = await exportBundle(other, otherToken, own.stageId);
      const before = await republicState();
      const response = await importBundle(stray).expect(409);
      expect(response.body.key).toBe('federation.stageNotLinked');
      expect(await republicState()).toEqual(before);
      const stages = (
        await request(republic.url).get('/api/stages').set(auth(republicToken)).expect(200)
      ).body as { id: string }[];
      expect(stages.map((stage) => stage.id)).not.toContain(own.stageId);
    }, 60_000);
  });
});
