import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import request from 'supertest';
import { binaryBody } from '../support/binary-body';
import { auditRows, onEachDatabase, rawStatementError } from '../support/audit-record';
import { startVenue, type Venue } from '../support/start-venue';
import {
  createMazeStage,
  judgeToken,
  organiserToken,
  type StageFixture,
} from '../support/venue-api';

/** Text of a PDF through Debian's poppler-utils, whitespace folded; the PDF kept in tests/artifacts. */
function pdfText(pdf: Buffer, name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pdf-'));
  fs.writeFileSync(path.join(dir, 'doc.pdf'), pdf);
  const artifacts = path.join(__dirname, '..', 'artifacts', 'documents');
  fs.mkdirSync(artifacts, { recursive: true });
  fs.writeFileSync(path.join(artifacts, name), pdf);
  return execFileSync('pdftotext', ['-layout', path.join(dir, 'doc.pdf'), '-'], {
    encoding: 'utf8',
  }).replace(/\s+/g, ' ');
}

interface Match {
  id: string;
  a: string | null;
  b: string | null;
  status: string;
}

/**
 * Technical inspection (docs/rules.md#technical-inspection) against the real server: pass or fail
 * from the rule set's limits, a not-passed team refused at the maze table and at the sumo ring
 * while the rules require inspection, allowed after a passing re-inspection, history kept, an
 * audit row per inspection, and a head judge of another stage refused.
 */
onEachDatabase('technical inspection on %s', (_database, venueEnv) => {
  let venue: Venue;
  let env: Record<string, string>;
  let organiser: string;
  let stage: StageFixture;
  let headJudge: string;
  let fieldId: string;
  let sumoId: string;
  const sumoTeams: string[] = [];

  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const inspect = (token: string, body: Record<string, unknown>) =>
    request(venue.url).post('/api/inspections').set(as(token)).send(body);
  const arm = (teamId: string) =>
    request(venue.url)
      .post(`/api/fields/${fieldId}/runs`)
      .set(as(headJudge))
      .send({ categoryId: stage.categoryId, teamId, attempt: 1 });

  beforeAll(async () => {
    env = await venueEnv();
    venue = await startVenue({ env });
    organiser = await organiserToken(venue);
    stage = await createMazeStage(venue, organiser, { teams: 2 });
    headJudge = await judgeToken(venue, stage.stageCode, stage.headJudge.pin);
    const post = (url: string, body: object) =>
      request(venue.url).post(url).set(as(organiser)).send(body).expect(201);
    fieldId = (
      await post('/api/fields', { stageId: stage.stageId, name: 'Table 1', discipline: 'maze' })
    ).body.id;
    await request(venue.url)
      .patch(`/api/categories/${stage.categoryId}/params`)
      .set(as(organiser))
      .send({ params: { inspectionRequired: true } })
      .expect(200);

    sumoId = (
      await post('/api/categories', {
        stageId: stage.stageId,
        discipline: 'sumo',
        ageGroup: { label: '3–4', minGrade: 3, maxGrade: 4 },
        name: 'Sumo 3–4',
        preset: 'sumo-default',
      })
    ).body.id;
    await request(venue.url)
      .patch(`/api/categories/${sumoId}/params`)
      .set(as(organiser))
      .send({ params: { inspectionRequired: true, 'tournament.format': 'single-elimination' } })
      .expect(200);
    const school = (await post('/api/schools', { name: 'Мектеп №7', regionCode: 'aktobe' })).body;
    for (const name of ['Барыс', 'Сұңқар']) {
      const team = (
        await post('/api/teams', {
          stageId: stage.stageId,
          schoolId: school.id,
          categoryId: sumoId,
          name,
          members: [{ name: `${name} Әлихан`, grade: 4 }],
        })
      ).body;
      sumoTeams.push(team.id);
    }
    await post(`/api/categories/${sumoId}/sumo/draw`, { seed: 7 });
  });
  afterAll(() => venue?.stop());

  it('computes pass or fail from the rule set limits, naming the limit that failed', async () => {
    const [first] = stage.teamIds;
    const failed = (
      await inspect(headJudge, {
        categoryId: stage.categoryId,
        teamId: first,
        widthMm: 262,
        lengthMm: 240,
        notes: 'Датчик шығып тұр',
      }).expect(201)
    ).body;
    expect(failed).toMatchObject({
      passed: false,
      failures: [{ limit: 'widthMm', measured: 262, max: 250 }],
      inspectedById: stage.headJudge.id,
    });
    const within = (
      await inspect(headJudge, {
        categoryId: sumoId,
        teamId: sumoTeams[0],
        massG: 990,
        widthMm: 150,
        lengthMm: 150,
        failReason: 'Sharp blade edge',
      }).expect(201)
    ).body;
    expect(within).toMatchObject({ passed: false, failures: [], failReason: 'Sharp blade edge' });
  });

  it('refuses to arm a team that has not passed, and arms it after a passing re-inspection', async () => {
    const [first, second] = stage.teamIds;
    const refused = (await arm(first).expect(409)).body;
    expect(refused.key).toBe('inspection.notPassed');
    expect(refused.message).toContain('Қыран 1');
    expect(refused.message).toContain('width 262 mm over 250 mm');
    expect((await arm(second).expect(409)).body.key).toBe('inspection.notInspected');

    await inspect(headJudge, {
      categoryId: stage.categoryId,
      teamId: first,
      widthMm: 245,
      lengthMm: 240,
      notes: 'Датчик ішке кіргізілді',
    }).expect(201);
    await arm(first).expect(201);
  });

  it('refuses a stopwatch maze attempt through the ledger for a team not inspected', async () => {
    const second = stage.teamIds[1];
    const attempt = {
      id: crypto.randomUUID(),
      categoryId: stage.categoryId,
      teamId: second,
      kind: 'maze.attempt',
      payload: { attempt: 1, outcome: 'finished', timeMs: 41_250, timing: 'stopwatch' },
      recordedAt: new Date().toISOString(),
    };
    const refused = (
      await request(venue.url).post('/api/ledger').set(as(headJudge)).send(attempt).expect(409)
    ).body;
    expect(refused.key).toBe('inspection.notInspected');
    expect(refused.message).toContain('Қыран 2');
    const standings = (
      await request(venue.url)
        .get(`/api/categories/${stage.categoryId}/standings`)
        .set(as(organiser))
        .expect(200)
    ).body as { standings: { rows: { teamId: string; status: string }[] } };
    expect(standings.standings.rows.find((row) => row.teamId === second)?.status).toBe(
      'not-scored',
    );
  });

  it('keeps every inspection, newest first, with the limits and the requirement', async () => {
    const list = (
      await request(venue.url)
        .get(`/api/categories/${stage.categoryId}/inspections`)
        .set(as(headJudge))
        .expect(200)
    ).body;
    expect(list).toMatchObject({
      required: true,
      limits: { massG: null, widthMm: 250, lengthMm: 250 },
    });
    const ofFirst = list.inspections.filter(
      (row: { teamId: string }) => row.teamId === stage.teamIds[0],
    );
    expect(
      ofFirst.map((row: { passed: boolean; widthMm: number }) => [row.passed, row.widthMm]),
    ).toEqual([
      [true, 245],
      [false, 262],
    ]);
  });

  it('writes an audit row for each inspection', async () => {
    const rows = await auditRows(venue, organiser, {
      action: 'inspection.record',
      objectId: stage.teamIds[0],
    });
    expect(rows.map((row) => row.after?.['passed'])).toEqual([true, false]);
    expect(rows[0]).toMatchObject({
      actor: { kind: 'judge', id: stage.headJudge.id },
      object: { kind: 'team', id: stage.teamIds[0], name: 'Қыран 1' },
      before: { passed: false },
    });
  });

  it('refuses to start a sumo match with a team not passed, and lets it play once both pass', async () => {
    const bracket = (
      await request(venue.url)
        .get(`/api/categories/${sumoId}/sumo/bracket`)
        .set(as(organiser))
        .expect(200)
    ).body as { tournament: { bracket: Match[] } };
    const match = bracket.tournament.bracket.find((m) => m.a && m.b) as Match;
    const entry = () => ({
      id: crypto.randomUUID(),
      categoryId: sumoId,
      teamId: null,
      kind: 'sumo.match',
      payload: {
        matchId: match.id,
        a: match.a,
        b: match.b,
        events: [{ type: 'point', side: 'a' }],
      },
      recordedAt: new Date().toISOString(),
    });
    const refused = (
      await request(venue.url).post('/api/ledger').set(as(headJudge)).send(entry()).expect(409)
    ).body;
    expect(refused.key).toMatch(/^inspection\.not(Passed|Inspected)$/);

    for (const teamId of sumoTeams) {
      await inspect(headJudge, {
        categoryId: sumoId,
        teamId,
        massG: 998,
        widthMm: 150,
        lengthMm: 149,
      }).expect(201);
    }
    await request(venue.url).post('/api/ledger').set(as(headJudge)).send(entry()).expect(201);
  });

  it('refuses a head judge of another stage and a plain judge', async () => {
    const other = await createMazeStage(venue, organiser, { teams: 1 });
    const otherHead = await judgeToken(venue, other.stageCode, other.headJudge.pin);
    const body = {
      categoryId: stage.categoryId,
      teamId: stage.teamIds[1],
      widthMm: 100,
      lengthMm: 100,
    };
    await inspect(otherHead, body).expect(403);
    const judge = await judgeToken(venue, stage.stageCode, stage.judge.pin);
    await inspect(judge, body).expect(403);
    const list = (
      await request(venue.url)
        .get(`/api/categories/${stage.categoryId}/inspections`)
        .set(as(organiser))
        .expect(200)
    ).body;
    expect(
      list.inspections.some((row: { teamId: string }) => row.teamId === stage.teamIds[1]),
    ).toBe(false);
  });

  it('prints each team latest inspection on the protocol, with the measurements and the failed limit', async () => {
    await inspect(headJudge, {
      categoryId: stage.categoryId,
      teamId: stage.teamIds[1],
      widthMm: 100,
      lengthMm: 300,
    }).expect(201);
    const pdf = await request(venue.url)
      .get(`/api/categories/${stage.categoryId}/protocol.pdf`)
      .set(as(organiser))
      .buffer(true)
      .parse(binaryBody)
      .expect(200);
    const text = pdfText(pdf.body as Buffer, 'protocol-inspections.pdf');
    expect(text).toContain('Техникалық тексеру / Техническая проверка');
    expect(text).toContain('Қыран 1 — Өтті / Прошла; 245 мм · 240 мм (Гүлнар');
    expect(text).toContain(
      'Қыран 2 — Өтпеді / Не прошла; 100 мм · 300 мм; ұзындығы 300 мм, шегі 250 мм / длина 300 мм больше 250 мм (Гүлнар',
    );
    expect(text).not.toContain('262 мм');
  });

  it('keeps every inspection row: the database refuses to change or delete one', async () => {
    expect(await rawStatementError(venue, env, 'DELETE FROM inspection')).toMatch(/append-only/);
    expect(await rawStatementError(venue, env, "UPDATE inspection SET notes = 'x'")).toMatch(
      /append-only/,
    );
  });
});
