import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
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

/** The first page of a PDF as poppler renders it, and its text as a person copying it gets it. */
function pdfPage(pdf: Buffer): { text: string; png: PNG } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sheet-'));
  const file = path.join(dir, 'sheet.pdf');
  fs.writeFileSync(file, pdf);
  const artifacts = path.join(__dirname, '..', 'artifacts', 'documents');
  fs.mkdirSync(artifacts, { recursive: true });
  fs.writeFileSync(path.join(artifacts, 'score-sheet.pdf'), pdf);
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '110',
    '-f',
    '1',
    '-l',
    '1',
    '-singlefile',
    file,
    path.join(dir, 'page'),
  ]);
  fs.copyFileSync(path.join(dir, 'page.png'), path.join(artifacts, 'score-sheet.png'));
  return {
    text: execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }),
    png: PNG.sync.read(fs.readFileSync(path.join(dir, 'page.png'))),
  };
}

/** A maze table of the stage and its judges (of the table and the category), signed in. */
async function mazeTable(
  venue: Venue,
  stage: StageFixture,
  organiser: { Authorization: string },
  judgeNames: string[],
): Promise<{ tableId: string; judges: { Authorization: string }[] }> {
  const post = (url: string, body: object) =>
    request(venue.url).post(url).set(organiser).send(body);
  const tableId = (
    await post('/api/fields', {
      stageId: stage.stageId,
      name: 'Лабиринт үстелі 1',
      discipline: 'maze',
    }).expect(201)
  ).body.id;
  const judges: { Authorization: string }[] = [];
  for (const name of judgeNames) {
    const judge = (
      await post('/api/judges', {
        stageId: stage.stageId,
        name,
        role: 'judge',
        categoryIds: [stage.categoryId],
        fieldIds: [tableId],
      }).expect(201)
    ).body;
    judges.push({ Authorization: `Bearer ${await judgeToken(venue, stage.stageCode, judge.pin)}` });
  }
  return { tableId, judges };
}

/**
 * The paper fallback (README, "Paper fallback"): a round's sheet for a maze table lists its teams in
 * running order with a QR code naming the sheet; typed in twice, it records one set of entries.
 */
describe('printable score sheets, typed in once', () => {
  let venue: Venue;
  let stage: StageFixture;
  let organiser: { Authorization: string };
  let judge: { Authorization: string };
  let tableId: string;
  let arlanId: string;

  beforeAll(async () => {
    venue = await startVenue();
    const token = await organiserToken(venue);
    organiser = { Authorization: `Bearer ${token}` };
    stage = await createMazeStage(venue, token, { teams: 2 });
    const post = (url: string, body: object) =>
      request(venue.url).post(url).set(organiser).send(body);
    // Made last, first by name: the sheet follows the running order, not the order of registration.
    const school = (
      await request(venue.url).get(`/api/stages/${stage.stageId}/teams`).set(organiser).expect(200)
    ).body[0]?.schoolId;
    arlanId = (
      await post('/api/teams', {
        stageId: stage.stageId,
        schoolId: school,
        categoryId: stage.categoryId,
        name: 'Арлан',
        members: [{ name: 'Ұлан', grade: 3 }],
      }).expect(201)
    ).body.id;
    const table = await mazeTable(venue, stage, organiser, ['Дана']);
    tableId = table.tableId;
    judge = table.judges[0];
  });
  afterAll(() => venue.stop());

  const makeSheets = (round: number) =>
    request(venue.url)
      .post(`/api/categories/${stage.categoryId}/score-sheets`)
      .set(organiser)
      .send({ round });

  it('prints the table, the round, the teams in running order and a QR code naming the sheet', async () => {
    const sheets = (await makeSheets(2).expect(200)).body;
    expect(sheets).toHaveLength(1);
    const [sheet] = sheets;
    expect(sheet).toMatchObject({ fieldId: tableId, fieldName: 'Лабиринт үстелі 1', round: 2 });
    expect(sheet.rows.map((row: { teamName: string }) => row.teamName)).toEqual([
      'Арлан',
      'Қыран 1',
      'Қыран 2',
    ]);
    // Asked again, the same sheet: what is on the paper does not move.
    expect((await makeSheets(2).expect(200)).body).toEqual(sheets);

    const pdf = (
      await request(venue.url)
        .get(`/api/categories/${stage.categoryId}/score-sheets.pdf?round=2`)
        .set(organiser)
        .buffer(true)
        .parse(binaryBody)
        .expect(200)
        .expect('Content-Type', /application\/pdf/)
    ).body as Buffer;
    const { text, png } = pdfPage(pdf);
    expect(text).toContain('БАҒАЛАУ ПАРАҒЫ / ОЦЕНОЧНЫЙ ЛИСТ');
    expect(text).toContain('Лабиринт үстелі 1');
    expect(text).toContain(`${sheet.code.slice(0, 5)}-${sheet.code.slice(5)}`);
    const order = ['Арлан', 'Қыран 1', 'Қыран 2'].map((name) => text.indexOf(name));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(text).toContain('Бас төреші / Главный судья');

    const qr = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    expect(qr).not.toBeNull();
    const named = new URL(qr!.data.replace('olympiad-sheet:', 'olympiad-sheet://sheet/'));
    expect(named.pathname).toBe(`/${sheet.code}`);
    expect(Object.fromEntries(named.searchParams)).toEqual({
      stage: stage.stageId,
      category: stage.categoryId,
      field: tableId,
      round: '2',
    });
  });

  it('records a sheet typed twice once, with ids derived from the sheet', async () => {
    const [sheet] = (await makeSheets(1).expect(200)).body;
    const read = (
      await request(venue.url)
        .get(`/api/score-sheets/${sheet.code.toLowerCase()}`)
        .set(judge)
        .expect(200)
    ).body;
    expect(read.rows).toEqual(sheet.rows);
    const lines = [
      { row: 1, outcome: 'finished', timeMs: 41_250, touches: 1, checkpoints: [] },
      { row: 3, outcome: 'not-finished', timeMs: null, touches: 0, checkpoints: [] },
    ];
    const typeIn = () =>
      request(venue.url).post(`/api/score-sheets/${sheet.code}/lines`).set(judge).send({ lines });
    expect((await typeIn().expect(200)).body).toEqual({ recorded: 2, alreadyRecorded: 0 });
    expect((await typeIn().expect(200)).body).toEqual({ recorded: 0, alreadyRecorded: 2 });

    const ledger = (
      await request(venue.url)
        .get(`/api/categories/${stage.categoryId}/ledger`)
        .set(organiser)
        .expect(200)
    ).body;
    const attempts = ledger.filter((entry: { kind: string }) => entry.kind === 'maze.attempt');
    expect(attempts).toHaveLength(2);
    expect(attempts.map((entry: { teamId: string }) => entry.teamId).sort()).toEqual(
      [arlanId, sheet.rows[2].teamId].sort(),
    );
    expect(
      attempts.find((entry: { teamId: string }) => entry.teamId === arlanId).payload,
    ).toMatchObject({ attempt: 1, timeMs: 41_250, touches: 1 });
    const verify = (
      await request(venue.url)
        .get(`/api/categories/${stage.categoryId}/standings/verify`)
        .set(organiser)
        .expect(200)
    ).body;
    expect(verify.matches).toBe(true);
  });

  it('refuses an impossible line with the line named, recording nothing of the sheet', async () => {
    const [sheet] = (await makeSheets(3).expect(200)).body;
    const response = await request(venue.url)
      .post(`/api/score-sheets/${sheet.code}/lines`)
      .set(organiser)
      .send({
        lines: [
          { row: 1, outcome: 'finished', timeMs: 30_000, touches: 0, checkpoints: [] },
          { row: 2, outcome: 'finished', timeMs: 99 * 60_000, touches: 0, checkpoints: [] },
        ],
      })
      .expect(400);
    expect(response.body.key).toBe('ledger.invalidEntry');
    expect(response.body.issues).toEqual([
      expect.objectContaining({ path: 'lines.1.timeMs', key: 'scoring.maze.overTimeLimit' }),
    ]);
    const ledger = (
      await request(venue.url)
        .get(`/api/categories/${stage.categoryId}/ledger`)
        .set(organiser)
        .expect(200)
    ).body;
    expect(
      ledger.filter((entry: { payload: { attempt?: number } }) => entry.payload.attempt === 3),
    ).toEqual([]);
  });

  it('tells an unknown code apart, and keeps a sheet from judges of other tables', async () => {
    await request(venue.url).get('/api/score-sheets/ZZZZZZZZZZ').set(organiser).expect(404);
    const [sheet] = (await makeSheets(1).expect(200)).body;
    const other = (
      await request(venue.url)
        .post('/api/judges')
        .set(organiser)
        .send({ stageId: stage.stageId, name: 'Бөтен', role: 'judge', categoryIds: [] })
        .expect(201)
    ).body;
    const stranger = {
      Authorization: `Bearer ${await judgeToken(venue, stage.stageCode, other.pin)}`,
    };
    await request(venue.url).get(`/api/score-sheets/${sheet.code}`).set(stranger).expect(403);
  });
});

/** A sumo ring's sheet: its matches in running order, typed in once, never a match scored twice. */
describe('sumo ring sheets, typed in once', () => {
  let venue: Venue;
  let organiser: { Authorization: string };
  let judge: { Authorization: string };
  let stageId: string;
  let sumoId: string;
  let ringId: string;

  beforeAll(async () => {
    venue = await startVenue();
    const token = await organiserToken(venue);
    organiser = { Authorization: `Bearer ${token}` };
    const stage = await createMazeStage(venue, token, { teams: 1 });
    stageId = stage.stageId;
    const post = (url: string, body: object) =>
      request(venue.url).post(url).set(organiser).send(body);
    sumoId = (
      await post('/api/categories', {
        stageId,
        discipline: 'sumo',
        ageGroup: { label: '5–6', minGrade: 5, maxGrade: 6 },
        name: 'Сумо 5–6',
        preset: 'sumo-default',
      }).expect(201)
    ).body.id;
    const school = (
      await post('/api/schools', { name: 'Лицей №7', regionCode: 'aktobe' }).expect(201)
    ).body;
    for (const name of ['Алпамыс', 'Батыр', 'Жолбарыс', 'Көкжал']) {
      await post('/api/teams', {
        stageId,
        schoolId: school.id,
        categoryId: sumoId,
        name,
        members: [{ name: 'Ерлан', grade: 6 }],
      }).expect(201);
    }
    ringId = (
      await post('/api/fields', { stageId, name: 'Ринг 1', discipline: 'sumo' }).expect(201)
    ).body.id;
    const ringJudge = (
      await post('/api/judges', {
        stageId,
        name: 'Бекзат',
        role: 'judge',
        categoryIds: [sumoId],
        fieldIds: [ringId],
      }).expect(201)
    ).body;
    judge = { Authorization: `Bearer ${await judgeToken(venue, stage.stageCode, ringJudge.pin)}` };
    await post(`/api/categories/${sumoId}/sumo/draw`, { seed: 7 }).expect(201);
  });
  afterAll(() => venue.stop());

  interface Row {
    row: number;
    matchId: string;
    a: { teamId: string; name: string };
    b: { teamId: string; name: string };
  }
  let rows: Row[];
  let code: string;
  const typeIn = (matches: object[]) =>
    request(venue.url).post(`/api/score-sheets/${code}/lines`).set(judge).send({ matches });
  const sumoMatches = async () =>
    (
      await request(venue.url).get(`/api/categories/${sumoId}/ledger`).set(organiser).expect(200)
    ).body.filter((entry: { kind: string }) => entry.kind === 'sumo.match');

  it('prints the ring’s matches in its running order, with a QR code naming the sheet', async () => {
    const queue = (
      await request(venue.url).get(`/api/stages/${stageId}/field-queues`).set(organiser).expect(200)
    ).body;
    const upcoming = queue.find((field: { fieldId: string }) => field.fieldId === ringId).upcoming;
    const [sheet] = (
      await request(venue.url)
        .post(`/api/categories/${sumoId}/score-sheets`)
        .set(organiser)
        .send({ round: 1 })
        .expect(200)
    ).body;
    expect(sheet).toMatchObject({
      discipline: 'sumo',
      fieldId: ringId,
      layout: { maxRounds: 3, pointsToWin: 2 },
    });
    rows = sheet.rows;
    code = sheet.code;
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(rows.map((row) => row.matchId)).toEqual(
      upcoming.map((match: { matchId: string }) => match.matchId),
    );

    const pdf = (
      await request(venue.url)
        .get(`/api/categories/${sumoId}/score-sheets.pdf?round=1`)
        .set(organiser)
        .buffer(true)
        .parse(binaryBody)
        .expect(200)
    ).body as Buffer;
    const { text, png } = pdfPage(pdf);
    const at = rows.map((row) => text.indexOf(row.matchId));
    expect(at.every((index) => index >= 0)).toBe(true);
    expect([...at].sort((x, y) => x - y)).toEqual(at);
    expect(text).toContain('Ринг 1');
    expect(jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data).toMatch(
      new RegExp(`^olympiad-sheet:${code}\\?.*field=${ringId}`),
    );
  });

  it('records each typed match once, however often the sheet is typed', async () => {
    const matches = [
      { row: 1, rounds: ['a', 'draw', 'a'], noShow: null },
      { row: 2, rounds: [], noShow: 'b' },
    ];
    expect((await typeIn(matches).expect(200)).body).toEqual({ recorded: 2, alreadyRecorded: 0 });
    expect((await typeIn(matches).expect(200)).body).toEqual({ recorded: 0, alreadyRecorded: 2 });
    const stored = await sumoMatches();
    expect(
      stored.map((entry: { payload: { matchId: string } }) => entry.payload.matchId).sort(),
    ).toEqual([rows[0].matchId, rows[1].matchId].sort());
    const standings = (
      await request(venue.url)
        .get(`/api/categories/${sumoId}/standings/verify`)
        .set(organiser)
        .expect(200)
    ).body;
    expect(standings.matches).toBe(true);
  });

  it('refuses rounds that cannot have happened, and a match the tablet already scored', async () => {
    const refused = await typeIn([{ row: 3, rounds: ['a', 'a', 'b'], noShow: null }]).expect(400);
    expect(refused.body.issues).toEqual([
      expect.objectContaining({ path: 'matches.0.rounds.2', key: 'scoreSheets.roundAfterWin' }),
    ]);
    // Row 3 scored on the tablet before it died: the sheet's line would count the match twice.
    await request(venue.url)
      .post('/api/ledger')
      .set(judge)
      .send({
        id: randomUUID(),
        categoryId: sumoId,
        teamId: null,
        kind: 'sumo.match',
        payload: {
          matchId: rows[2].matchId,
          a: rows[2].a.teamId,
          b: rows[2].b.teamId,
          events: [
            { type: 'point', side: 'b' },
            { type: 'point', side: 'b' },
          ],
        },
        recordedAt: new Date().toISOString(),
      })
      .expect(201);
    const twice = await typeIn([{ row: 3, rounds: ['a', 'a'], noShow: null }]).expect(400);
    expect(twice.body.issues).toEqual([
      expect.objectContaining({ path: 'matches.0.row', key: 'scoreSheets.alreadyScored' }),
    ]);
    expect(await sumoMatches()).toHaveLength(3);
  });
});

describe('a sheet typed by both judges of a double-entry category', () => {
  let venue: Venue;
  let stage: StageFixture;
  let organiser: { Authorization: string };
  const judges: { Authorization: string }[] = [];

  beforeAll(async () => {
    venue = await startVenue();
    const token = await organiserToken(venue);
    organiser = { Authorization: `Bearer ${token}` };
    stage = await createMazeStage(venue, token, { teams: 2 });
    await request(venue.url)
      .patch(`/api/categories/${stage.categoryId}/params`)
      .set(organiser)
      .send({ params: { entry: 'double' } })
      .expect(200);
    judges.push(...(await mazeTable(venue, stage, organiser, ['Дана', 'Берік'])).judges);
  });
  afterAll(() => venue.stop());

  const sheetOf = async (round: number) =>
    (
      await request(venue.url)
        .post(`/api/categories/${stage.categoryId}/score-sheets`)
        .set(organiser)
        .send({ round })
        .expect(200)
    ).body[0] as { code: string; rows: { teamId: string }[] };
  const typeIn = (code: string, judge: { Authorization: string }, timeMs: number) =>
    request(venue.url)
      .post(`/api/score-sheets/${code}/lines`)
      .set(judge)
      .send({ lines: [{ row: 1, outcome: 'finished', timeMs, touches: 0, checkpoints: [] }] });
  const rowOf = async (teamId: string) =>
    (
      await request(venue.url)
        .get(`/api/categories/${stage.categoryId}/standings`)
        .set(organiser)
        .expect(200)
    ).body.standings.rows.find((row: { teamId: string }) => row.teamId === teamId);

  it('pairs the two judges’ typing of one line: agreement counts once, a difference goes to review', async () => {
    const first = await sheetOf(1);
    const team = first.rows[0].teamId;
    expect((await typeIn(first.code, judges[0], 52_000).expect(200)).body).toEqual({
      recorded: 1,
      alreadyRecorded: 0,
    });
    expect(await rowOf(team)).toMatchObject({ review: 'awaiting-second' });
    // The same judge typing the sheet again is that judge's duplicate, not the second entry.
    expect((await typeIn(first.code, judges[0], 52_000).expect(200)).body).toEqual({
      recorded: 0,
      alreadyRecorded: 1,
    });
    expect(await rowOf(team)).toMatchObject({ review: 'awaiting-second' });
    expect((await typeIn(first.code, judges[1], 52_000).expect(200)).body).toEqual({
      recorded: 1,
      alreadyRecorded: 0,
    });
    expect(await rowOf(team)).toMatchObject({ status: 'ranked', primary: 52_000 });
    expect((await rowOf(team))?.review).toBeUndefined();
    expect((await typeIn(first.code, judges[0], 52_000).expect(200)).body).toEqual({
      recorded: 0,
      alreadyRecorded: 1,
    });

    const second = await sheetOf(2);
    await typeIn(second.code, judges[0], 50_000).expect(200);
    await typeIn(second.code, judges[1], 49_000).expect(200);
    expect(await rowOf(team)).toMatchObject({ review: 'in-review' });
    const verify = await request(venue.url)
      .get(`/api/categories/${stage.categoryId}/standings/verify`)
      .set(organiser)
      .expect(200);
    expect(verify.body.matches).toBe(true);
  });
  it('refuses, naming the line and writing nothing, a typing its attempt cannot take as an entry', async () => {
    const sheet = await sheetOf(3);
    const teamA = sheet.rows[0].teamId;
    // The first judge's tablet entered team A's third attempt before it died.
    await request(venue.url)
      .post('/api/ledger')
      .set(judges[0])
      .send(mazeAttempt(stage, teamA, 3, 61_000))
      .expect(201);
    const lines = [
      { row: 1, outcome: 'finished', timeMs: 61_000, touches: 0, checkpoints: [] },
      { row: 2, outcome: 'finished', timeMs: 62_000, touches: 0, checkpoints: [] },
    ];
    const type = (who: { Authorization: string }) =>
      request(venue.url).post(`/api/score-sheets/${sheet.code}/lines`).set(who).send({ lines });
    const sameJudge = await type(judges[0]).expect(400);
    expect(sameJudge.body.issues).toEqual([
      expect.objectContaining({ path: 'lines.0.row', key: 'scoreSheets.doubleEntryTaken' }),
    ]);
    // The head judge's typing would count, beside it, an attempt still awaiting its second entry.
    const headJudge = {
      Authorization: `Bearer ${await judgeToken(venue, stage.stageCode, stage.headJudge.pin)}`,
    };
    const byHead = await type(headJudge).expect(400);
    expect(byHead.body.issues).toEqual([
      expect.objectContaining({ path: 'lines.0.row', key: 'scoreSheets.awaitsDecision' }),
    ]);
    const third = (
      await request(venue.url)
        .get(`/api/categories/${stage.categoryId}/ledger`)
        .set(organiser)
        .expect(200)
    ).body.filter(
      (entry: { teamId: string; payload: { attempt?: number; slot?: string } }) =>
        entry.payload.attempt === 3 || entry.payload.slot?.endsWith(':3'),
    );
    // Only the tablet's stand-in: nothing of either typing, team B's line included.
    expect(third).toHaveLength(1);
    expect(third[0].teamId).toBe(teamA);
  });
});
