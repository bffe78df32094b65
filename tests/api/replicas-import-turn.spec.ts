import type { RegistrationCommitJob } from '@olympiad/contracts';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Client } from 'pg';
import request from 'supertest';
import { describeOnPostgres, freshPostgresDatabase } from '../support/fresh-postgres';
import { createRegionalStage } from '../support/regional-stage';
import { startVenue, type Venue } from '../support/start-venue';
import { organiserToken } from '../support/venue-api';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'registration');

// One import per stage at a time across replicas (docs/design.md#scale-out): the turn is a
// database lock, not only the replica's own memory.
describeOnPostgres('one import per stage across two replicas (PostgreSQL)', () => {
  let replicas: Venue[] = [];
  let database: Client | undefined;
  afterAll(async () => {
    await database?.end();
    await Promise.all(replicas.map((replica) => replica.stop()));
  });

  it("refuses a save on replica B while replica A's import of the stage is writing, and the teams are written once", async () => {
    const url = await freshPostgresDatabase();
    replicas = [await startVenue({ env: { DATABASE_URL: url } })];
    replicas.push(await startVenue({ env: { DATABASE_URL: url } }));
    const [a, b] = replicas;
    const token = await organiserToken(a);
    const auth = { Authorization: `Bearer ${token}` };
    const stage = await createRegionalStage(a, token);
    const csv = fs.readFileSync(path.join(FIXTURES, 'good-teams-utf8-bom.csv'));
    const fileHash = (
      await request(a.url)
        .post(`/api/stages/${stage.stageId}/registration/preview`)
        .set(auth)
        .attach('file', csv, 'teams.csv')
        .expect(200)
    ).body.fileHash as string;

    // Replica A's import is held half-way, its transaction open: the test keeps new teams out.
    database = new Client({ connectionString: url });
    await database.connect();
    await database.query('BEGIN');
    await database.query('LOCK TABLE team IN SHARE MODE');
    const waitingOnLocks = async () =>
      Number(
        (
          await database!.query(
            "SELECT count(*) AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
          )
        ).rows[0].waiting,
      );
    const started = (
      await request(a.url)
        .post(`/api/stages/${stage.stageId}/registration/commits`)
        .set(auth)
        .attach('file', csv, 'teams.csv')
        .field('fileHash', fileHash)
        .expect(202)
    ).body as RegistrationCommitJob;
    while ((await waitingOnLocks()) < 1) await new Promise((resolve) => setTimeout(resolve, 20));

    // Replica B has no job of its own in memory; it must learn of A's from the database. Without
    // the database's turn it would start writing too, and wait behind A's rows or the test's lock.
    let answered = false;
    const direct = request(b.url)
      .post(`/api/stages/${stage.stageId}/registration/confirm`)
      .set(auth)
      .attach('file', csv, 'teams.csv')
      .field('fileHash', fileHash)
      .then((response) => {
        answered = true;
        return response;
      });
    while (!answered && (await waitingOnLocks()) < 2)
      await new Promise((resolve) => setTimeout(resolve, 20));
    await database.query('COMMIT');
    const refused = await direct;
    expect([refused.status, refused.body.key]).toEqual([409, 'registration.commitRunning']);

    let job = started;
    while (job.state === 'running') {
      await new Promise((resolve) => setTimeout(resolve, 20));
      job = (
        await request(a.url)
          .get(`/api/stages/${stage.stageId}/registration/commits/${started.id}`)
          .set(auth)
          .expect(200)
      ).body;
    }
    expect(job.state).toBe('done');
    const teams = (
      await request(b.url).get(`/api/stages/${stage.stageId}/teams`).set(auth).expect(200)
    ).body as unknown[];
    expect(teams).toHaveLength(job.result!.teamsCreated);
    expect(job.result!.teamsCreated).toBeGreaterThan(0);
  });
});
