import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { binaryBody } from '../support/binary-body';
import { startVenue, type Venue } from '../support/start-venue';
import {
  createMazeStage,
  judgeToken,
  mazeAttempt,
  organiserToken,
  type StageFixture,
} from '../support/venue-api';

/** The PDF's text; with `keepAs`, its first page kept as a PNG in tests/artifacts/documents to look at. */
function pdfText(pdf: Buffer, keepAs?: string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pdf-')), 'doc.pdf');
  fs.writeFileSync(file, pdf);
  if (keepAs) {
    const artifacts = path.join(__dirname, '..', 'artifacts', 'documents');
    fs.mkdirSync(artifacts, { recursive: true });
    const page = path.join(artifacts, keepAs);
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', file, page]);
  }
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

/**
 * English as a third language of the protocol and the exports where the organiser asks for it
 * (README, "Documents in English"); Kazakh and Russian stay the default.
 */
describe('documents in English as a third language', () => {
  let venue: Venue;
  let stage: StageFixture;
  let auth: { Authorization: string };

  beforeAll(async () => {
    venue = await startVenue();
    const token = await organiserToken(venue);
    auth = { Authorization: `Bearer ${token}` };
    stage = await createMazeStage(venue, token, { teams: 2 });
    const judge = {
      Authorization: `Bearer ${await judgeToken(venue, stage.stageCode, stage.judge.pin)}`,
    };
    await request(venue.url)
      .post('/api/ledger')
      .set(judge)
      .send(mazeAttempt(stage, stage.teamIds[0], 1, 41_000))
      .expect(201);
  });
  afterAll(() => venue.stop());

  const get = (url: string) => request(venue.url).get(url).set(auth).buffer(true).parse(binaryBody);

  it('writes the protocol in Kazakh and Russian unless English is asked for', async () => {
    const plain = pdfText(
      (await get(`/api/categories/${stage.categoryId}/protocol.pdf`).expect(200)).body as Buffer,
    );
    expect(plain).toContain('ХАТТАМА / ПРОТОКОЛ');
    expect(plain).not.toContain('RESULTS PROTOCOL');
    expect(plain).not.toContain('Head judge');

    const english = pdfText(
      (await get(`/api/categories/${stage.categoryId}/protocol.pdf?languages=kk-ru-en`).expect(200))
        .body as Buffer,
      'protocol-english',
    );
    expect(english).toContain('ХАТТАМА / ПРОТОКОЛ / RESULTS PROTOCOL');
    for (const text of [
      'Competition results',
      'Category',
      'Judges',
      'Head judge',
      'Place',
      'Result',
      'Generated',
    ]) {
      expect(english).toContain(text);
    }
    expect(english).toContain('0:41');
  });

  it('heads the CSV and XLSX columns in three languages when asked, two by default', async () => {
    const csv = (languages?: string) =>
      get(
        `/api/categories/${stage.categoryId}/results.csv${languages ? `?languages=${languages}` : ''}`,
      )
        .expect(200)
        .then(
          (response) =>
            (response.body as Buffer)
              .toString('utf8')
              .replace(/^\uFEFF/, '')
              .split('\r\n')[0],
        );
    expect((await csv()).split(';').slice(0, 4)).toEqual([
      'Санат / Категория',
      'Пән / Дисциплина',
      'Жас тобы / Возрастная группа',
      'Орын / Место',
    ]);
    const header = (await csv('kk-ru-en')).split(';');
    expect(header.slice(0, 5)).toEqual([
      'Санат / Категория / Category',
      'Пән / Дисциплина / Discipline',
      'Жас тобы / Возрастная группа / Age group',
      'Орын / Место / Place',
      'Команда / Team',
    ]);

    const xlsx = (
      await get(`/api/stages/${stage.stageId}/results.xlsx?languages=kk-ru-en`).expect(200)
    ).body as Buffer;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx as unknown as ArrayBuffer);
    const first = workbook.worksheets[0].getRow(1).values as unknown[];
    expect(first).toContain('Нәтиже / Результат / Result');
    const second = workbook.worksheets[0].getRow(2).values as unknown[];
    expect(second).toContain('Лабиринт / Maze');
  });

  it('prints diplomas with English under the Kazakh and Russian when asked', async () => {
    const url = `/api/categories/${stage.categoryId}/diplomas.pdf?who=winners`;
    const plain = pdfText((await get(url).expect(200)).body as Buffer);
    expect(plain).toContain('ДИПЛОМ I степени');
    expect(plain).not.toContain('DIPLOMA');
    const english = pdfText(
      (await get(`${url}&languages=kk-ru-en`).expect(200)).body as Buffer,
      'diploma-english',
    );
    expect(english).toContain('DIPLOMA OF THE I DEGREE');
    expect(english).toContain('марапатталады / награждается / is awarded to');
    expect(english).toContain('1-орын / 1 место / place 1');
  });

  it('refuses a language set it does not write', async () => {
    const refused = await request(venue.url)
      .get(`/api/categories/${stage.categoryId}/protocol.pdf?languages=en`)
      .set(auth)
      .expect(400);
    expect(refused.body.key).toBe('errors.validation');
  });
});
