import { Client } from 'pg';
import request from 'supertest';
import { binaryBody } from '../support/binary-body';
import {
  bundleContent,
  ledgerOf,
  postBatch,
  recordAttempt,
  signedBatch,
  standingsOf,
  startLinkedServers,
  type LinkedServers,
  type PreparedStage,
} from '../support/federation';
import { describeOnPostgres, freshPostgresDatabase } from '../support/fresh-postgres';
import { startVenue, type Venue } from '../support/start-venue';

const ROUNDS = 6;
const ENTRIES_PER_ROUND = 6;
const ATTEMPTS = 3; // the maze-default rule set's attempts
const TEAMS = (ROUNDS * ENTRIES_PER_ROUND) / ATTEMPTS;

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

/**
 * Two republic replicas on one PostgreSQL database take a venue's files at the same moment (the
 * organiser imports a bundle on one while the same file, or a newer one, reaches the other): each
 * apply takes the stage's turn in the database (docs/deploy.md#writes-that-must-take-turns), so
 * neither inserts an entry the other is inserting nor stores an older snapshot over a newer one.
 */
describeOnPostgres('a venue’s bundles imported through two republic replicas at once', () => {
  let servers: LinkedServers & { prepared: PreparedStage };
  let other: Venue;
  let databaseUrl: string;

  beforeAll(async () => {
    databaseUrl = await freshPostgresDatabase();
    servers = await startLinkedServers({
      link: 'unreachable',
      teams: TEAMS,
      republicEnv: { DATABASE_URL: databaseUrl },
    });
    other = await startVenue({ env: { DATABASE_URL: databaseUrl } });
  }, 120_000);

  afterAll(async () => {
    await Promise.all([servers?.stop(), other?.stop()]);
  });

  const exportBundle = async () =>
    (
      await request(servers.venue.url)
        .get(`/api/stages/${servers.linked.stageId}/bundle`)
        .set(auth(servers.venueToken))
        .buffer(true)
        .parse(binaryBody)
        .expect(200)
    ).body as Buffer;
  const importInto = (replica: Venue, bytes: Buffer) =>
    request(replica.url)
      .post('/api/federation/bundles')
      .set(auth(servers.republicToken))
      .set('Content-Type', 'application/octet-stream')
      .send(bytes);
  const storedSnapshotNo = async () => {
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query(
        'SELECT "snapshotNo" FROM venue_link WHERE "stageId" = $1',
        [servers.linked.stageId],
      );
      return Number(rows[0].snapshotNo);
    } finally {
      await client.end();
    }
  };
  const teamStatuses = async (server: Venue, token: string) =>
    (
      (
        await request(server.url)
          .get(`/api/stages/${servers.linked.stageId}/teams`)
          .set(auth(token))
          .expect(200)
      ).body as { id: string; status: string }[]
    )
      .map(({ id, status }) => ({ id, status }))
      .sort((a, b) => a.id.localeCompare(b.id));

  it('answers every import, stores each entry once and keeps the newest snapshot', async () => {
    const { venue, venueToken, republic, republicToken, linked, prepared } = servers;
    const replicas = [republic, other];
    // The first file claims the stage for the key that signed it.
    await importInto(republic, await exportBundle()).expect(200);

    const sent = new Set<string>();
    for (let round = 0; round < ROUNDS; round++) {
      for (let k = 0; k < ENTRIES_PER_ROUND; k++) {
        const index = round * ENTRIES_PER_ROUND + k;
        await recordAttempt(
          venue,
          prepared.tablet,
          linked,
          prepared.teamIds[Math.floor(index / ATTEMPTS)],
          (index % ATTEMPTS) + 1,
          40_000 + ((index * 7_919) % 60_000),
        );
      }
      // The round's entries as the venue's outbox sends them (no snapshot), and the same batch
      // again through the other replica, as a retry the balancer sent elsewhere.
      const whole = bundleContent(await exportBundle());
      const ledgerRows = whole.groups.find((group) => group.kind === 'ledger')?.items ?? [];
      const fresh = ledgerRows.filter((row) => !sent.has(row.id as string));
      expect(fresh).toHaveLength(ENTRIES_PER_ROUND);
      const batch = signedBatch(
        venue,
        whole,
        (kind) => (kind === 'stage' ? whole.groups[0].items : kind === 'ledger' ? fresh : []),
        { highWaterSeq: Math.max(...fresh.map((row) => row.seq as number)) },
      );
      const batchAnswers = await Promise.all(
        replicas.map((replica) => postBatch(replica, linked.stageId, batch)),
      );
      expect({ round, statuses: batchAnswers.map((answer) => answer.status) }).toEqual({
        round,
        statuses: [200, 200],
      });
      for (const row of fresh) sent.add(row.id as string);

      // Two files of the stage, the second newer: between them a team's status changes, which
      // only a snapshot carries. Each replica imports one at the same moment.
      const older = await exportBundle();
      await request(venue.url)
        .patch(`/api/teams/${prepared.teamIds[0]}`)
        .set(auth(venueToken))
        .send({ status: round % 2 === 0 ? 'absent' : 'active' })
        .expect(200);
      const newer = await exportBundle();
      const newest = bundleContent(newer).snapshotNo as number;
      expect(newest).toBeGreaterThan(bundleContent(older).snapshotNo as number);
      const fileAnswers = await Promise.all(
        round % 2 === 0
          ? [importInto(replicas[0], older), importInto(replicas[1], newer)]
          : [importInto(replicas[1], older), importInto(replicas[0], newer)],
      );
      expect({ round, statuses: fileAnswers.map((answer) => answer.status) }).toEqual({
        round,
        statuses: [200, 200],
      });
      expect({ round, snapshotNo: await storedSnapshotNo() }).toEqual({
        round,
        snapshotNo: newest,
      });
      expect({ round, teams: await teamStatuses(republic, republicToken) }).toEqual({
        round,
        teams: await teamStatuses(venue, venueToken),
      });
    }

    const venueLedger = (await ledgerOf(venue, venueToken, linked.categoryId)).map(
      (entry) => entry.id,
    );
    expect(venueLedger).toHaveLength(ROUNDS * ENTRIES_PER_ROUND);
    const venueTeams = await teamStatuses(venue, venueToken);
    const venueStandings = await standingsOf(venue, venueToken, linked.categoryId);
    for (const replica of replicas) {
      const ledger = (await ledgerOf(replica, republicToken, linked.categoryId)).map(
        (entry) => entry.id,
      );
      expect(ledger.sort()).toEqual([...venueLedger].sort());
      expect(await teamStatuses(replica, republicToken)).toEqual(venueTeams);
      expect(await standingsOf(replica, republicToken, linked.categoryId)).toEqual(venueStandings);
    }
  }, 240_000);
});
