import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { startVenue, type Venue } from '../support/start-venue';
import {
  createMazeStage,
  judgeToken,
  mazeAttempt,
  organiserToken,
  type StageFixture,
} from '../support/venue-api';
import { binaryBody } from '../support/binary-body';

/** Text of a PDF through Debian's poppler-utils, as a person copying it would get it. */
function pdfText(pdf: Buffer, name = 'protocol-readable.pdf'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pdf-'));
  fs.writeFileSync(path.join(dir, 'doc.pdf'), pdf);
  // Kept for a person to look at (pdftoppm -png it).
  const artifacts = path.join(__dirname, '..', 'artifacts', 'documents');
  fs.mkdirSync(artifacts, { recursive: true });
  fs.writeFileSync(path.join(artifacts, name), pdf);
  return execFileSync('pdftotext', ['-layout', path.join(dir, 'doc.pdf'), '-'], {
    encoding: 'utf8',
  });
}

/** "05.12.2026, 16:05" for a moment seen from a zone `hours` ahead of UTC, worked out by hand. */
function wallClock(moment: number, hours: number): string {
  const local = new Date(moment + hours * 3_600_000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(local.getUTCDate())}.${two(local.getUTCMonth() + 1)}.${local.getUTCFullYear()}, ${two(local.getUTCHours())}:${two(local.getUTCMinutes())}`;
}

/**
 * A category with one sensor time and one whole-second time of unknown source: every document
 * writes both in the finest precision of the table; the protocol states its rules in words and its
 * time in the venue's zone (docs/results-display.md).
 */
describe('documents a person reads: one time format, rules in words, local time', () => {
  let venue: Venue;
  let stage: StageFixture;
  let auth: { Authorization: string };

  beforeAll(async () => {
    venue = await startVenue();
    const token = await organiserToken(venue);
    auth = { Authorization: `Bearer ${token}` };
    stage = await createMazeStage(venue, token, { teams: 3 });
    const judge = {
      Authorization: `Bearer ${await judgeToken(venue, stage.stageCode, stage.judge.pin)}`,
    };
    const [sensorTeam, handTeam] = stage.teamIds;
    await request(venue.url)
      .post('/api/ledger')
      .set(judge)
      .send(mazeAttempt(stage, sensorTeam, 1, 56_838, { timing: 'sensor' }))
      .expect(201);
    await request(venue.url)
      .post('/api/ledger')
      .set(judge)
      .send(mazeAttempt(stage, handTeam, 1, 41_000, { timing: null }))
      .expect(201);
  });
  afterAll(() => venue.stop());

  const get = (url: string) =>
    request(venue.url).get(url).set(auth).buffer(true).parse(binaryBody).expect(200);

  it('prints both times of the protocol with thousandths', async () => {
    const text = pdfText(
      (await get(`/api/categories/${stage.categoryId}/protocol.pdf`)).body as Buffer,
    );
    expect(text).toContain('0:41.000');
    expect(text).toContain('0:56.838');
    expect(text).not.toMatch(/0:41\.00(?!0)/);
  });

  it('writes both times of the CSV and the XLSX with thousandths, as text', async () => {
    const csv = (
      (await get(`/api/categories/${stage.categoryId}/results.csv`)).body as Buffer
    ).toString('utf8');
    const rows = csv
      .trim()
      .split('\r\n')
      .map((line) => line.split(';'));
    const result = rows[0].indexOf('Нәтиже / Результат');
    expect(rows.slice(1, 3).map((row) => row[result])).toEqual(['0:41.000', '0:56.838']);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      (await get(`/api/categories/${stage.categoryId}/results.xlsx`))
        .body as unknown as ArrayBuffer,
    );
    const sheet = workbook.worksheets[0];
    expect([
      sheet.getRow(2).getCell(result + 1).value,
      sheet.getRow(3).getCell(result + 1).value,
    ]).toEqual(['0:41.000', '0:56.838']);
  });

  it('names the rule set and states its rules in Kazakh and Russian sentences, with no parameter names or JSON', async () => {
    const text = pdfText(
      (await get(`/api/categories/${stage.categoryId}/protocol.pdf`)).body as Buffer,
    );
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('Лабиринт: 3 әрекет, үздігі есептеледі');
    expect(flat).toContain('Лабиринт: 3 попытки, засчитывается лучшая');
    expect(flat).toContain('уақыт шегі 3:00; жанасу айыбы +10 с');
    expect(flat).toContain('лимит времени 3:00; штраф за касание +10 с');
    expect(text).not.toMatch(/[{}]|Ms:|maze-default|preset:/);
  });

  it('prints when it was made in the venue time zone (Asia/Almaty by default), named, on a 24-hour clock', async () => {
    const before = Date.now();
    const text = pdfText(
      (await get(`/api/categories/${stage.categoryId}/protocol.pdf`)).body as Buffer,
    );
    const after = Date.now();
    const made = /Сформирован: (\S+, \d\d:\d\d) \(([^)]*)\)/.exec(text);
    expect(made?.[2]).toBe('Asia/Almaty, UTC+5');
    expect([wallClock(before, 5), wallClock(after, 5)]).toContain(made?.[1]);
    expect(text).not.toMatch(/UTC(?!\+)|\b[AP]M\b/);
  });

  it('follows VENUE_TIME_ZONE', async () => {
    const other = await startVenue({ env: { VENUE_TIME_ZONE: 'Asia/Tokyo' } });
    try {
      const token = await organiserToken(other);
      const fixture = await createMazeStage(other, token, { teams: 1 });
      const before = Date.now();
      const response = await request(other.url)
        .get(`/api/categories/${fixture.categoryId}/protocol.pdf`)
        .set('Authorization', `Bearer ${token}`)
        .buffer(true)
        .parse(binaryBody)
        .expect(200);
      const after = Date.now();
      const made = /Сформирован: (\S+, \d\d:\d\d) \(([^)]*)\)/.exec(
        pdfText(response.body as Buffer, 'protocol-tokyo.pdf'),
      );
      expect(made?.[2]).toBe('Asia/Tokyo, UTC+9');
      expect([wallClock(before, 9), wallClock(after, 9)]).toContain(made?.[1]);
    } finally {
      await other.stop();
    }
  });
});
