import { apiErrorBodySchema } from '@olympiad/contracts';
import ExcelJS from 'exceljs';
import * as fs from 'node:fs';
import * as path from 'node:path';
import request from 'supertest';
import { describeOnEachDatabase, freshPostgresDatabase } from '../support/fresh-postgres';
import { createRegionalStage } from '../support/regional-stage';
import { startVenue, type Venue } from '../support/start-venue';
import {
  createMazeStage,
  judgeToken,
  mazeAttempt,
  organiserToken,
  type StageFixture,
} from '../support/venue-api';

const onEachDatabase = describeOnEachDatabase<() => Promise<Record<string, string>>>(
  async () => ({}),
  async () => ({ DATABASE_URL: await freshPostgresDatabase() }),
);

/**
 * U+0000 in a text: PostgreSQL cannot store or compare it, so every name, sign-in, score and query
 * holding one was a 500 there (SQLite took it). It is refused at the door on both databases, with
 * the contract's error body, and nothing is written. Found by tests/api/hostile-http.spec.ts.
 */
onEachDatabase('a NUL character in what a client sends, on %s', (_database, venueEnv) => {
  let venue: Venue;
  let organiser: string;
  let judge: string;
  let stage: StageFixture;

  beforeAll(async () => {
    venue = await startVenue({ env: await venueEnv() });
    organiser = await organiserToken(venue);
    stage = await createMazeStage(venue, organiser, { teams: 1 });
    judge = await judgeToken(venue, stage.stageCode, stage.judge.pin);
  });
  afterAll(() => venue?.stop());

  const refused = (response: request.Response) => {
    expect({
      status: response.status,
      body: apiErrorBodySchema.safeParse(response.body).success,
    }).toEqual({ status: 400, body: true });
    expect(response.body.key).toBe('errors.validation');
  };
  const olympiads = async () =>
    (
      await request(venue.url)
        .get('/api/olympiads')
        .set('Authorization', `Bearer ${organiser}`)
        .expect(200)
    ).body;
  const ledger = async () =>
    (
      await request(venue.url)
        .get(`/api/categories/${stage.categoryId}/ledger`)
        .set('Authorization', `Bearer ${organiser}`)
        .expect(200)
    ).body;

  it('in a body’s text or key is a 400, and nothing is written', async () => {
    const before = await olympiads();
    const post = (url: string, token: string, body: object) =>
      request(venue.url).post(url).set('Authorization', `Bearer ${token}`).send(body);
    refused(
      await post('/api/olympiads', organiser, { name: 'Olympiad\u00002026', season: '2026' }),
    );
    refused(
      await post('/api/olympiads', organiser, { name: 'Olympiad', season: '2026', 'a\u0000': 1 }),
    );
    expect(await olympiads()).toEqual(before);
    const entries = await ledger();
    refused(
      await post('/api/ledger', judge, {
        ...mazeAttempt(stage, stage.teamIds[0], 1, 50_000),
        deviceId: 'tablet\u0000',
      }),
    );
    expect(await ledger()).toEqual(entries);
  });

  it('in a sign-in is a 400, not a 500, for anyone', async () => {
    expect.hasAssertions();
    refused(
      await request(venue.url)
        .post('/api/auth/judge')
        .send({ stageCode: `${stage.stageCode}\u0000`, pin: '1234' }),
    );
    refused(
      await request(venue.url)
        .post('/api/auth/organiser')
        .send({ username: 'organiser\u0000', password: 'test-password-123' }),
    );
  });

  it('in a path or a query is a 400', async () => {
    expect.hasAssertions();
    refused(await request(venue.url).get('/api/public/stages/AB%00C'));
    refused(
      await request(venue.url)
        .get('/api/schools?regionCode=akt%00obe')
        .set('Authorization', `Bearer ${organiser}`),
    );
    refused(
      await request(venue.url)
        .get(`/api/stages/${stage.stageId}/teams?categoryId=%00`)
        .set('Authorization', `Bearer ${organiser}`),
    );
  });

  it('leaves a text that only spells it (a backslash, then u0000) as it was', async () => {
    const spelled = 'Olympiad \\u0000 2026';
    const created = await request(venue.url)
      .post('/api/olympiads')
      .set('Authorization', `Bearer ${organiser}`)
      .send({ name: spelled, season: '2026' })
      .expect(201);
    expect(created.body.name).toBe(spelled);
    await request(venue.url)
      .get('/api/schools?regionCode=%2500')
      .set('Authorization', `Bearer ${organiser}`)
      .expect(200);
  });

  it('in an uploaded registration table (CSV or XLSX) is not a 500', async () => {
    const regional = await createRegionalStage(venue, organiser);
    const logged = venue.output().length;
    const csv = Buffer.from(
      fs
        .readFileSync(
          path.join(__dirname, '..', 'fixtures', 'registration', 'good-teams-utf8-bom.csv'),
          'utf8',
        )
        .replace('Барыс', 'Ба\u0000рыс'),
    );
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Тіркеу');
    sheet.addRow([
      'Команда атауы',
      'Мектеп',
      'Облыс',
      'Елді мекен',
      'Санат',
      'Жаттықтырушы',
      'Қатысушы 1',
      'Сынып 1',
    ]);
    sheet.addRow([
      'Ба\u0000рыс',
      '№1 мектеп\u0000',
      'Ақтөбе облысы',
      'Ақтөбе',
      'Лабиринт',
      'Әбілқасымова Гүлнар',
      'Әлихан\u0000',
      4,
    ]);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    const auth = { Authorization: `Bearer ${organiser}` };
    for (const [file, name] of [
      [csv, 'teams.csv'],
      [xlsx, 'teams.xlsx'],
    ] as const) {
      const preview = await request(venue.url)
        .post(`/api/stages/${regional.stageId}/registration/preview`)
        .set(auth)
        .attach('file', file, name);
      expect({ name, status: preview.status }).toEqual({ name, status: expect.any(Number) });
      expect(preview.status).toBeLessThan(500);
      if (preview.status !== 200) continue;
      const confirm = await request(venue.url)
        .post(`/api/stages/${regional.stageId}/registration/confirm`)
        .set(auth)
        .attach('file', file, name)
        .field('fileHash', preview.body.fileHash);
      expect({ name, status: confirm.status < 500 }).toEqual({ name, status: true });
    }
    expect(venue.output().slice(logged)).not.toMatch(/\bERROR\b/);
  });
});
