import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { createRegionalStage, type RegionalStage } from '../support/regional-stage';
import { startVenue, type Venue } from '../support/start-venue';
import { judgeToken, mazeAttempt, organiserToken } from '../support/venue-api';
import { binaryBody } from '../support/binary-body';


/** The PDFs are kept for a person to look at (pdftoppm -png them). */
const ARTIFACTS = path.join(__dirname, '..', 'artifacts', 'documents');
function keep(name: string, pdf: Buffer): void {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  fs.writeFileSync(path.join(ARTIFACTS, name), pdf);
}

/** Text of a PDF through Debian's poppler-utils, as a person copying it would get it. */
function pdfText(pdf: Buffer): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pdf-')), 'doc.pdf');
  fs.writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}
function pdfFonts(pdf: Buffer): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pdf-')), 'doc.pdf');
  fs.writeFileSync(file, pdf);
  return execFileSync('pdffonts', [file], { encoding: 'utf8' });
}

describe('results: CSV and XLSX exports, the protocol and diplomas as PDF', () => {
  let venue: Venue;
  let token: string;
  let stage: RegionalStage;
  let maze34: string;
  const auth = () => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    venue = await startVenue();
    token = await organiserToken(venue);
    stage = await createRegionalStage(venue, token);
    maze34 = stage.categories['Лабиринт 3–4'];
    const post = (url: string, body: object) => request(venue.url).post(url).set(auth()).send(body).expect(201);
    const school = (await post('/api/schools', { name: 'Ақтөбе №21 мектеп-гимназиясы', regionCode: 'aktobe', town: 'Ақтөбе' })).body;
    const teams: Record<string, string> = {};
    for (const [name, member] of [['Қыран', 'Әлихан Серіков'], ['Шағала', 'Ұлжан Нұрланқызы'], ['Барыс', 'Һарун Өмірзақов'], ['Түлкі', 'Ғалым Қасымов']]) {
      teams[name] = (await post('/api/teams', { stageId: stage.stageId, schoolId: school.id, categoryId: maze34, name, coach: 'Серікова Гүлнар', members: [{ name: member, grade: 4 }] })).body.id;
    }
    const judge = (await post('/api/judges', { stageId: stage.stageId, name: 'Іңкәр Бекова', role: 'judge', categoryIds: [maze34] })).body;
    await post('/api/judges', { stageId: stage.stageId, name: 'Өмірбек Жақсылықов', role: 'head-judge' });
    await request(venue.url).patch(`/api/stages/${stage.stageId}`).set(auth()).send({ status: 'live' }).expect(200);
    await request(venue.url).patch(`/api/teams/${teams['Түлкі']}`).set(auth()).send({ status: 'absent' }).expect(200);
    const judgeAuth = { Authorization: `Bearer ${await judgeToken(venue, stage.stageCode, judge.pin)}` };
    for (const [name, time] of [['Қыран', 48_120], ['Шағала', 52_300], ['Барыс', 45_870]] as const) {
      await request(venue.url).post('/api/ledger').set(judgeAuth).send(mazeAttempt({ categoryId: maze34 }, teams[name], 1, time)).expect(201);
    }
  });
  afterAll(() => venue.stop());

  it('exports a category as CSV: UTF-8 with a BOM, semicolons, standings order, statuses', async () => {
    const response = await request(venue.url).get(`/api/categories/${maze34}/results.csv`).set(auth()).buffer(true).parse(binaryBody).expect(200);
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.headers['content-disposition']).toContain("filename*=UTF-8''results-");
    const bytes = response.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').trim().split('\r\n').map((line) => line.split(';'));
    expect(lines[0]).toContain('Орын / Место');
    const place = lines[0].indexOf('Орын / Место');
    const team = lines[0].indexOf('Команда');
    expect(lines.slice(1).map((line) => [line[place], line[team]])).toEqual([
      ['1', 'Барыс'],
      ['2', 'Қыран'],
      ['3', 'Шағала'],
      ['', 'Түлкі'],
    ]);
    expect(lines[4].join(';')).toContain('Келмеді / Неявка');
  });

  it('exports the whole stage as XLSX, one sheet per category', async () => {
    const response = await request(venue.url).get(`/api/stages/${stage.stageId}/results.xlsx`).set(auth()).buffer(true).parse(binaryBody).expect(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.body as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name).sort()).toEqual(Object.keys(stage.categories).sort());
    const sheet = workbook.getWorksheet('Лабиринт 3–4');
    expect(sheet?.getRow(2).getCell(4).value).toBe(1);
    expect(sheet?.getRow(2).getCell(5).value).toBe('Барыс');
    expect(sheet?.getRow(2).getCell(9).value).toBe('Һарун Өмірзақов (4)');
  });

  it('prints the protocol with bilingual headings, places, the rule set and the judges, fonts embedded', async () => {
    const response = await request(venue.url).get(`/api/categories/${maze34}/protocol.pdf`).set(auth()).buffer(true).parse(binaryBody).expect(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const pdf = response.body as Buffer;
    keep('protocol-maze-3-4.pdf', pdf);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    for (const expected of ['ХАТТАМА / ПРОТОКОЛ', 'Санат / Категория', 'Лабиринт 3–4', 'Һарун Өмірзақов', 'Ұлжан Нұрланқызы', 'Ғалым Қасымов', 'Келмеді / Неявка', 'Лабиринт: 3 әрекет', 'Бас төреші / Главный судья', 'Өмірбек Жақсылықов', 'Іңкәр Бекова', 'қолы / подпись', 'Ақтөбе облысы']) {
      expect(text).toContain(expected);
    }
    expect(text.indexOf('Барыс')).toBeLessThan(text.indexOf('Қыран'));
    expect(pdfFonts(pdf)).toMatch(/DejaVuSans\S*\s+CID TrueType\s+Identity-H\s+yes\s+yes/);
  });

  it.each(['classic', 'modern'])('prints %s diplomas for winners and certificates for participants', async (design) => {
    const all = await request(venue.url).get(`/api/categories/${maze34}/diplomas.pdf?design=${design}`).set(auth()).buffer(true).parse(binaryBody).expect(200);
    keep(`diplomas-${design}.pdf`, all.body as Buffer);
    const text = pdfText(all.body as Buffer);
    expect(text).toContain('ДИПЛОМ I степени');
    expect(text).toContain('I дәрежелі ДИПЛОМ');
    expect(text).toContain('Һарун Өмірзақов');
    expect(text).toContain('1-орын / 1 место');
    // The absent team gets nothing.
    expect(text).not.toContain('Ғалым Қасымов');
    const winners = await request(venue.url).get(`/api/categories/${maze34}/diplomas.pdf?design=${design}&who=winners`).set(auth()).buffer(true).parse(binaryBody).expect(200);
    expect(pdfText(winners.body as Buffer)).not.toContain('СЕРТИФИКАТ');
  });

  it('answers clear 4xx for a bad design, an unknown category and a judge', async () => {
    expect((await request(venue.url).get(`/api/categories/${maze34}/diplomas.pdf?design=gold`).set(auth()).expect(400)).body.key).toBe('errors.validation');
    expect((await request(venue.url).get(`/api/categories/${randomUUID()}/protocol.pdf`).set(auth()).expect(404)).body.key).toBe('errors.notFound');
    const judge = (await request(venue.url).post('/api/judges').set(auth()).send({ stageId: stage.stageId, name: 'Дана', role: 'judge' }).expect(201)).body;
    const judgeAuth = { Authorization: `Bearer ${await judgeToken(venue, stage.stageCode, judge.pin)}` };
    await request(venue.url).get(`/api/categories/${maze34}/protocol.pdf`).set(judgeAuth).expect(403);
    await request(venue.url).get(`/api/stages/${stage.stageId}/results.csv`).set(judgeAuth).expect(403);
  });
});
