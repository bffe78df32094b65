import type { RegistrationCommitJob } from '@olympiad/contracts';
import * as fs from 'node:fs';
import * as path from 'node:path';
import request from 'supertest';
import { createRegionalStage } from '../support/regional-stage';
import { twoThousandTeamsXlsx } from '../support/registration-files';
import { startVenue, type Venue } from '../support/start-venue';
import { organiserToken } from '../support/venue-api';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'registration');

/**
 * The console's "Import" as a commit job it polls for a determinate progress bar: the rows are
 * written in one transaction, so nothing is visible before the job is done, and a job that fails
 * (or a server killed half-way) has written nothing.
 */
describe('registration commit jobs: progress of an all-or-nothing import', () => {
  let venue: Venue;
  let token: string;
  let file: Buffer;
  const auth = () => ({ Authorization: `Bearer ${token}` });

  const preview = async (stageId: string, content: Buffer, name: string): Promise<string> =>
    (await request(venue.url).post(`/api/stages/${stageId}/registration/preview`).set(auth()).attach('file', content, name).expect(200)).body.fileHash;
  const startCommit = (stageId: string, content: Buffer, name: string, fileHash: string) =>
    request(venue.url).post(`/api/stages/${stageId}/registration/commits`).set(auth()).attach('file', content, name).field('fileHash', fileHash);
  const jobOf = async (stageId: string, id: string): Promise<RegistrationCommitJob> =>
    (await request(venue.url).get(`/api/stages/${stageId}/registration/commits/${id}`).set(auth()).expect(200)).body;
  const teamCount = async (stageId: string): Promise<number> =>
    (await request(venue.url).get(`/api/stages/${stageId}/teams`).set(auth()).expect(200)).body.length;

  /** Polls as the console does (faster), keeping every answer, until the job is no longer running. */
  async function follow(stageId: string, first: RegistrationCommitJob, until: (job: RegistrationCommitJob) => boolean = (job) => job.state !== 'running') {
    const seen = [first];
    while (!until(seen[seen.length - 1])) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      seen.push(await jobOf(stageId, first.id));
    }
    return seen;
  }

  beforeAll(async () => {
    venue = await startVenue();
    token = await organiserToken(venue);
    file = await twoThousandTeamsXlsx();
  });
  afterAll(() => venue.stop());

  it('reports a 2,000-row commit step by step, and no team is visible before it is done', async () => {
    const stage = await createRegionalStage(venue, token);
    const fileHash = await preview(stage.stageId, file, 'teams-2000.xlsx');
    const started = (await startCommit(stage.stageId, file, 'teams-2000.xlsx', fileHash).expect(202)).body as RegistrationCommitJob;
    expect(started).toMatchObject({ stageId: stage.stageId, state: 'running', result: null, error: null });

    let readDuringCommit: Promise<number> | undefined;
    const seen = await follow(stage.stageId, started, (job) => {
      // A read while rows are being written: it can only see none or all of them.
      if (!readDuringCommit && job.phase === 'writing' && job.teamsWritten > 0) readDuringCommit = teamCount(stage.stageId);
      return job.state !== 'running';
    });
    const last = seen[seen.length - 1];
    expect(last).toMatchObject({ state: 'done', phase: 'done', percent: 100, teamsWritten: 2000, teamsTotal: 2000, result: { teamsCreated: 2000, schoolsCreated: 173, skippedRows: [] } });

    const written = [...new Set(seen.filter((job) => job.phase === 'writing').map((job) => job.teamsWritten))];
    expect(written.filter((count) => count > 0 && count < 2000).length).toBeGreaterThanOrEqual(3);
    const percents = seen.map((job) => job.percent);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    expect(new Set(percents).size).toBeGreaterThanOrEqual(5);
    expect(seen.some((job) => job.phase === 'standings')).toBe(true);

    expect(readDuringCommit).toBeDefined();
    expect([0, 2000]).toContain(await readDuringCommit);
    expect(await teamCount(stage.stageId)).toBe(2000);
    const verify = (await request(venue.url).get(`/api/categories/${stage.categories['Сумо 3–4']}/standings/verify`).set(auth()).expect(200)).body;
    expect(verify.matches).toBe(true);
  });

  it('refuses at once a file other than the previewed one, and a second commit while one is writing', async () => {
    const stage = await createRegionalStage(venue, token);
    const fileHash = await preview(stage.stageId, file, 'teams-2000.xlsx');
    const other = fs.readFileSync(path.join(FIXTURES, 'good-teams-utf8-bom.csv'));
    expect((await startCommit(stage.stageId, other, 'teams.csv', fileHash).expect(409)).body.key).toBe('registration.fileChanged');

    const first = (await startCommit(stage.stageId, file, 'teams-2000.xlsx', fileHash).expect(202)).body as RegistrationCommitJob;
    expect((await startCommit(stage.stageId, file, 'teams-2000.xlsx', fileHash).expect(409)).body.key).toBe('registration.commitRunning');
    // Nor a direct save of the same file meanwhile: on PostgreSQL both would write every team.
    const direct = await request(venue.url).post(`/api/stages/${stage.stageId}/registration/confirm`).set(auth()).attach('file', file, 'teams-2000.xlsx').field('fileHash', fileHash);
    expect([direct.status, direct.body.key]).toEqual([409, 'registration.commitRunning']);
    const seen = await follow(stage.stageId, first);
    expect(seen[seen.length - 1].state).toBe('done');
    expect(await teamCount(stage.stageId)).toBe(2000);
    // Another stage's job is not this stage's to see.
    const elsewhere = await createRegionalStage(venue, token);
    await request(venue.url).get(`/api/stages/${elsewhere.stageId}/registration/commits/${first.id}`).set(auth()).expect(404);
  });

  it('a commit that fails inside its transaction says why on the job and writes nothing', async () => {
    const stage = await createRegionalStage(venue, token);
    const csv = fs.readFileSync(path.join(FIXTURES, 'good-teams-utf8-bom.csv'));
    const fileHash = await preview(stage.stageId, csv, 'teams.csv');
    // Between the preview and the commit, one of the file's teams is registered by hand.
    const school = (await request(venue.url).post('/api/schools').set(auth()).send({ name: 'Мектеп №4', regionCode: 'aktobe' }).expect(201)).body;
    await request(venue.url)
      .post('/api/teams')
      .set(auth())
      .send({ stageId: stage.stageId, schoolId: school.id, categoryId: stage.categories['Лабиринт 3–4'], name: 'Қыран', members: [{ name: 'Әлихан', grade: 4 }] })
      .expect(201);

    const started = (await startCommit(stage.stageId, csv, 'teams.csv', fileHash).expect(202)).body as RegistrationCommitJob;
    const seen = await follow(stage.stageId, started);
    expect(seen[seen.length - 1]).toMatchObject({ state: 'failed', result: null, error: { statusCode: 400, key: 'registration.hasErrors' } });
    expect(await teamCount(stage.stageId)).toBe(1);
  });

  it('a server killed half-way through a commit has written nothing after its restart', async () => {
    const stage = await createRegionalStage(venue, token);
    const fileHash = await preview(stage.stageId, file, 'teams-2000.xlsx');
    const started = (await startCommit(stage.stageId, file, 'teams-2000.xlsx', fileHash).expect(202)).body as RegistrationCommitJob;
    const seen = await follow(stage.stageId, started, (job) => job.state !== 'running' || (job.phase === 'writing' && job.teamsWritten >= 300));
    expect(seen[seen.length - 1]).toMatchObject({ state: 'running', phase: 'writing' });

    await venue.kill();
    venue = await startVenue({ dataDir: venue.dataDir });
    token = await organiserToken(venue);
    expect(await teamCount(stage.stageId)).toBe(0);
    // The job died with the server; the organiser imports the same file again.
    await request(venue.url).get(`/api/stages/${stage.stageId}/registration/commits/${started.id}`).set(auth()).expect(404);
    const again = (await startCommit(stage.stageId, file, 'teams-2000.xlsx', fileHash).expect(202)).body as RegistrationCommitJob;
    const done = await follow(stage.stageId, again);
    expect(done[done.length - 1].result?.teamsCreated).toBe(2000);
    expect(await teamCount(stage.stageId)).toBe(2000);
  });
});
