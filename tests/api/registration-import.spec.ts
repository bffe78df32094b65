import * as fs from 'node:fs';
import * as path from 'node:path';
import request from 'supertest';
import { createRegionalStage, type RegionalStage } from '../support/regional-stage';
import { twoThousandTeamsXlsx } from '../support/registration-files';
import { startVenue, type Venue } from '../support/start-venue';
import { createMazeStage, organiserToken } from '../support/venue-api';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'registration');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name));

interface Problem {
  row: number;
  column: string;
  field: string;
  key: string;
  severity: 'error' | 'warning';
  suggestion?: string;
}
interface Team {
  name: string;
  categoryId: string;
  coach: string;
  school: { name: string; regionCode: string; town: string };
  members: { name: string; grade: number }[];
}

describe('registration import (CSV and XLSX, preview then confirm)', () => {
  let venue: Venue;
  let token: string;
  const auth = () => ({ Authorization: `Bearer ${token}` });

  const preview = (stageId: string, file: Buffer, fileName: string, fields: Record<string, string> = {}) => {
    const call = request(venue.url).post(`/api/stages/${stageId}/registration/preview`).set(auth()).attach('file', file, fileName);
    for (const [name, value] of Object.entries(fields)) call.field(name, value);
    return call;
  };
  const confirm = (stageId: string, file: Buffer, fileName: string, fields: Record<string, string>) => {
    const call = request(venue.url).post(`/api/stages/${stageId}/registration/confirm`).set(auth()).attach('file', file, fileName);
    for (const [name, value] of Object.entries(fields)) call.field(name, value);
    return call;
  };
  const teamsOf = async (stageId: string): Promise<Team[]> =>
    (await request(venue.url).get(`/api/stages/${stageId}/teams`).set(auth()).expect(200)).body;

  beforeAll(async () => {
    venue = await startVenue();
    token = await organiserToken(venue);
  });
  afterAll(() => venue.stop());

  describe('a good UTF-8 file with a BOM and Russian headers', () => {
    let stage: RegionalStage;
    const file = fixture('good-teams-utf8-bom.csv');

    beforeAll(async () => {
      stage = await createRegionalStage(venue, token);
    });

    it('previews every row as good, recognises the columns and writes nothing', async () => {
      const answer = (await preview(stage.stageId, file, 'good-teams-utf8-bom.csv').expect(200)).body;
      expect(answer).toMatchObject({ format: 'csv', encoding: 'utf-8-bom', delimiter: ',', missingFields: [] });
      expect(answer.columns.map((column: { field: string }) => column.field)).toEqual([
        'team', 'school', 'region', 'town', 'category', 'coach', 'member1', 'grade1', 'member2', 'grade2',
      ]);
      expect(answer.problems).toEqual([]);
      expect(answer.summary).toEqual({ rows: 5, valid: 5, invalid: 0, warnings: 0, newSchools: 3 });
      // "Лабиринт" goes to the age group of the oldest member; an empty region is the stage's.
      const byTeam = Object.fromEntries(answer.rows.map((row: { team: string; categoryName: string; regionCode: string }) => [row.team, row]));
      expect(byTeam['Қыран']).toMatchObject({ categoryName: 'Лабиринт 3–4', regionCode: 'aktobe' });
      expect(byTeam['Шағала']).toMatchObject({ categoryName: 'Лабиринт 1–2' });
      expect(byTeam['Барыс']).toMatchObject({ categoryName: 'Лабиринт 5–6', regionCode: 'aktobe' });
      expect(byTeam['Бүркіт']).toMatchObject({ categoryName: 'Сумо 3–4' });
      expect(await teamsOf(stage.stageId)).toEqual([]);
    });

    it('imports on confirm with the previewed hash, Kazakh letters intact', async () => {
      const { fileHash } = (await preview(stage.stageId, file, 'good-teams-utf8-bom.csv').expect(200)).body;
      const result = (await confirm(stage.stageId, file, 'good-teams-utf8-bom.csv', { fileHash }).expect(201)).body;
      expect(result).toEqual({ teamsCreated: 5, schoolsCreated: 3, skippedRows: [] });
      const teams = await teamsOf(stage.stageId);
      const barys = teams.find((team) => team.name === 'Барыс');
      expect(barys).toMatchObject({
        categoryId: stage.categories['Лабиринт 5–6'],
        coach: 'Иванов Пётр',
        school: { name: 'Гимназия №3 им. Абая, г. Хромтау', regionCode: 'aktobe', town: 'Хромтау' },
      });
      expect(barys?.members.map((member) => [member.name, member.grade])).toEqual([
        ['Һарун Өмірзақов', 6],
        ['Ғалым Қасымов', 5],
      ]);
      // The new teams are in the standings projection as "not scored".
      const standings = (await request(venue.url).get(`/api/categories/${stage.categories['Лабиринт 5–6']}/standings`).set(auth()).expect(200)).body;
      expect(Object.values(standings.teams)).toEqual([{ name: 'Барыс', school: 'Гимназия №3 им. Абая, г. Хромтау' }]);
    });

    it('checks a team in on the day, and back out, without touching its status', async () => {
      const team = (await teamsOf(stage.stageId)).find((candidate) => candidate.name === 'Қыран') as Team & { id: string; checkedInAt: string | null; status: string };
      expect(team.checkedInAt).toBeNull();
      const checkedIn = (await request(venue.url).post(`/api/teams/${team.id}/check-in`).set(auth()).send({ checkedIn: true }).expect(200)).body;
      expect(Date.parse(checkedIn.checkedInAt)).not.toBeNaN();
      const again = (await teamsOf(stage.stageId)).find((candidate) => candidate.name === 'Қыран') as typeof team;
      expect(again).toMatchObject({ checkedInAt: checkedIn.checkedInAt, status: 'active' });
      expect((await request(venue.url).post(`/api/teams/${team.id}/check-in`).set(auth()).send({ checkedIn: 'yes' }).expect(400)).body.key).toBe('errors.validation');
      await request(venue.url).post(`/api/teams/${team.id}/check-in`).set(auth()).send({ checkedIn: false }).expect(200);
      expect(((await teamsOf(stage.stageId)).find((candidate) => candidate.name === 'Қыран') as typeof team).checkedInAt).toBeNull();
    });

    it('refuses the same file a second time: every team is already registered', async () => {
      const answer = (await preview(stage.stageId, file, 'again.csv').expect(200)).body;
      expect(answer.summary.valid).toBe(0);
      expect(new Set(answer.problems.map((problem: Problem) => problem.key))).toEqual(new Set(['registration.problem.alreadyRegistered']));
      await confirm(stage.stageId, file, 'again.csv', { fileHash: answer.fileHash }).expect(400);
      expect(await teamsOf(stage.stageId)).toHaveLength(5);
    });
  });

  it('reads the CSV Russian-locale Excel writes: Windows-1251, semicolons, quoted semicolons', async () => {
    const stage = await createRegionalStage(venue, token);
    const file = fixture('excel-ru-windows-1251.csv');
    const answer = (await preview(stage.stageId, file, 'excel.csv').expect(200)).body;
    expect(answer).toMatchObject({ encoding: 'windows-1251', delimiter: ';', missingFields: [] });
    expect(answer.problems).toEqual([]);
    expect(answer.rows.map((row: { team: string; school: string; categoryName: string }) => [row.team, row.school, row.categoryName])).toEqual([
      ['Ёжики', 'Школа-лицей №1', 'Лабиринт 3–4'],
      ['Молния', 'Школа №5; корпус 2', 'Сумо 5–6'],
      ['Циклоп', 'Школа-лицей №1', 'Лабиринт 1–2'],
    ]);
    await confirm(stage.stageId, file, 'excel.csv', { fileHash: answer.fileHash }).expect(201);
    const names = (await teamsOf(stage.stageId)).map((team) => team.members[0].name).sort();
    expect(names).toEqual(['Денис Ким', 'Фёдор Смирнов', 'Эльвира Щукина']);
  });

  describe('a file with every kind of bad row', () => {
    let stage: RegionalStage;
    const file = fixture('bad-rows-utf8.csv');

    beforeAll(async () => {
      stage = await createRegionalStage(venue, token);
      const school = (await request(venue.url).post('/api/schools').set(auth()).send({ name: 'Мектеп №4', regionCode: 'aktobe' }).expect(201)).body;
      await request(venue.url)
        .post('/api/teams')
        .set(auth())
        .send({ stageId: stage.stageId, schoolId: school.id, categoryId: stage.categories['Лабиринт 3–4'], name: 'Ертеректе тіркелген', members: [{ name: 'Бауыржан Ұлы', grade: 4 }] })
        .expect(201);
    });

    it('names each bad row by row and column, and writes nothing', async () => {
      const answer = (await preview(stage.stageId, file, 'bad.csv').expect(200)).body;
      const found = answer.problems.map((problem: Problem) => [problem.row, problem.column, problem.key, problem.severity]);
      expect(found).toEqual(
        expect.arrayContaining([
          [3, 'Команда', 'registration.problem.missingTeam', 'error'],
          [4, 'Школа', 'registration.problem.missingSchool', 'error'],
          [5, 'Регион', 'registration.problem.unknownRegion', 'error'],
          [6, 'Категория', 'registration.problem.unknownCategory', 'error'],
          [7, 'Класс 1', 'registration.problem.missingGrade', 'error'],
          [8, 'Класс 1', 'registration.problem.badGrade', 'error'],
          [9, 'Категория', 'registration.problem.gradeOutsideCategory', 'error'],
          [10, 'Команда', 'registration.problem.duplicateInFile', 'error'],
          [11, 'Участник 1', 'registration.problem.missingMember', 'error'],
          [12, 'Класс 2', 'registration.problem.gradeWithoutMember', 'error'],
          [13, 'Команда', 'registration.problem.alreadyRegistered', 'error'],
          [14, 'Категория', 'registration.problem.missingCategory', 'error'],
          [15, 'Команда', 'registration.problem.lookalike', 'warning'],
          [16, 'Команда', 'registration.problem.tooLong', 'error'],
        ]),
      );
      expect(answer.problems.find((problem: Problem) => problem.row === 10).message).toContain('row 2');
      expect(answer.problems.find((problem: Problem) => problem.row === 15).suggestion).toBe('Қайрат');
      expect(answer.summary).toMatchObject({ rows: 15, valid: 2, invalid: 13, warnings: 1 });
      expect(await teamsOf(stage.stageId)).toHaveLength(1);
    });

    it('refuses to confirm while rows have errors, with each error named, and writes nothing', async () => {
      const { fileHash } = (await preview(stage.stageId, file, 'bad.csv').expect(200)).body;
      const refusal = (await confirm(stage.stageId, file, 'bad.csv', { fileHash }).expect(400)).body;
      expect(refusal.key).toBe('registration.hasErrors');
      expect(refusal.issues).toContainEqual({ path: 'row 5 / Регион', key: 'registration.problem.unknownRegion', message: 'no region is called “Марс”' });
      expect(await teamsOf(stage.stageId)).toHaveLength(1);
    });

    it('imports only the good rows when told to, fixing look-alike letters', async () => {
      const { fileHash } = (await preview(stage.stageId, file, 'bad.csv').expect(200)).body;
      const result = (await confirm(stage.stageId, file, 'bad.csv', { fileHash, skipInvalid: 'true' }).expect(201)).body;
      expect(result.teamsCreated).toBe(2);
      expect(result.skippedRows).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 16]);
      const names = (await teamsOf(stage.stageId)).map((team) => team.name).sort();
      expect(names).toEqual(['Алға', 'Ертеректе тіркелген', 'Қайрат'].sort());
    });
  });

  describe('refusals', () => {
    let stage: RegionalStage;
    beforeAll(async () => {
      stage = await createRegionalStage(venue, token);
    });

    it('refuses a confirm of a file other than the previewed one', async () => {
      const answer = (await preview(stage.stageId, fixture('good-teams-utf8-bom.csv'), 'a.csv').expect(200)).body;
      const other = (await confirm(stage.stageId, fixture('excel-ru-windows-1251.csv'), 'a.csv', { fileHash: answer.fileHash }).expect(409)).body;
      expect(other.key).toBe('registration.fileChanged');
      expect(await teamsOf(stage.stageId)).toEqual([]);
    });

    it('answers 400 with a key for no file, an empty file, a binary file and a bad mapping', async () => {
      const none = await request(venue.url).post(`/api/stages/${stage.stageId}/registration/preview`).set(auth()).field('mapping', '{}').expect(400);
      expect(none.body.key).toBe('registration.noFile');
      expect((await preview(stage.stageId, Buffer.alloc(0), 'empty.csv').expect(400)).body.key).toBe('registration.unreadableFile');
      expect((await preview(stage.stageId, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]), 'photo.csv').expect(400)).body.key).toBe('registration.unreadableFile');
      expect((await preview(stage.stageId, Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'broken.xlsx').expect(400)).body.key).toBe('registration.unreadableFile');
      const mapping = await preview(stage.stageId, fixture('good-teams-utf8-bom.csv'), 'a.csv', { mapping: 'not json' }).expect(400);
      expect(mapping.body.key).toBe('errors.validation');
    });

    it('lets the organiser map columns whose headers it does not know', async () => {
      const csv = Buffer.from('A;B;C;D;E\nАлтын;Мектеп №9;Лабиринт;Дана Ерлан;4\n');
      const unknown = (await preview(stage.stageId, csv, 'plain.csv').expect(200)).body;
      expect(unknown.missingFields).toEqual(['team', 'school', 'category', 'member1', 'grade1']);
      await confirm(stage.stageId, csv, 'plain.csv', { fileHash: unknown.fileHash }).expect(400);
      const mapping = JSON.stringify({ 0: 'team', 1: 'school', 2: 'category', 3: 'member1', 4: 'grade1' });
      const mapped = (await preview(stage.stageId, csv, 'plain.csv', { mapping }).expect(200)).body;
      expect(mapped).toMatchObject({ missingFields: [], summary: { valid: 1 } });
      await confirm(stage.stageId, csv, 'plain.csv', { fileHash: mapped.fileHash, mapping }).expect(201);
      expect((await teamsOf(stage.stageId)).map((team) => team.name)).toEqual(['Алтын']);
    });

    it('is for the organiser only', async () => {
      const maze = await createMazeStage(venue, token, { teams: 1 });
      const judge = (await request(venue.url).post('/api/auth/judge').send({ stageCode: maze.stageCode, pin: maze.headJudge.pin }).expect(200)).body.token;
      await request(venue.url)
        .post(`/api/stages/${maze.stageId}/registration/preview`)
        .set('Authorization', `Bearer ${judge}`)
        .attach('file', fixture('good-teams-utf8-bom.csv'), 'a.csv')
        .expect(403);
    });
  });

  it('imports a 2,000-row XLSX with Kazakh headers in one transaction', async () => {
    const stage = await createRegionalStage(venue, token);
    const file = await twoThousandTeamsXlsx();
    const answer = (await preview(stage.stageId, file, 'teams-2000.xlsx').expect(200)).body;
    expect(answer.format).toBe('xlsx');
    expect(answer.missingFields).toEqual([]);
    expect(answer.summary).toEqual({ rows: 2000, valid: 2000, invalid: 0, warnings: 0, newSchools: 173 });
    const result = (await confirm(stage.stageId, file, 'teams-2000.xlsx', { fileHash: answer.fileHash }).expect(201)).body;
    expect(result).toEqual({ teamsCreated: 2000, schoolsCreated: 173, skippedRows: [] });
    const teams = await teamsOf(stage.stageId);
    expect(teams).toHaveLength(2000);
    const perCategory = new Map<string, number>();
    for (const team of teams) perCategory.set(team.categoryId, (perCategory.get(team.categoryId) ?? 0) + 1);
    expect(perCategory.get(stage.categories['Лабиринт 3–4'])).toBe(500);
    expect(perCategory.get(stage.categories['Сумо 5–6'])).toBe(500);
    const verify = (await request(venue.url).get(`/api/categories/${stage.categories['Сумо 3–4']}/standings/verify`).set(auth()).expect(200)).body;
    expect(verify.matches).toBe(true);
    expect(verify.live.rows ?? verify.live).toBeDefined();
  });
});
