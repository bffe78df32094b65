import iconv from 'iconv-lite';
import * as fs from 'node:fs';
import * as path from 'node:path';
import request from 'supertest';
import { createRegionalStage } from '../support/regional-stage';
import { startVenue, type Venue } from '../support/start-venue';
import { organiserToken } from '../support/venue-api';

/**
 * Registration files as Excel makes them (docs/registration-import.md): a CSV saved by
 * Russian-locale Excel is Windows-1251, where each Kazakh letter Ә Ғ Қ Ң Ө Ұ Ү Һ became "?", and
 * regions are written however the school writes them.
 */
const FIXTURES = path.join(__dirname, '..', 'fixtures', 'registration');
const fixture = (name: string) => fs.readFileSync(path.join(FIXTURES, name));

interface Problem {
  row: number;
  column: string;
  key: string;
  message: string;
  params: Record<string, string | number>;
}
interface Team {
  name: string;
  school: { name: string; regionCode: string; town: string };
  members: { name: string }[];
}

describe('registration import: encodings Excel writes and regions as people write them', () => {
  let venue: Venue;
  let token: string;
  const auth = () => ({ Authorization: `Bearer ${token}` });

  const upload = (url: string, file: Buffer, fileName: string, fields: Record<string, string>) => {
    const call = request(venue.url).post(url).set(auth()).attach('file', file, fileName);
    for (const [name, value] of Object.entries(fields)) call.field(name, value);
    return call;
  };
  const preview = (stageId: string, file: Buffer, fileName: string) =>
    upload(`/api/stages/${stageId}/registration/preview`, file, fileName, {});
  const confirm = (
    stageId: string,
    file: Buffer,
    fileName: string,
    fields: Record<string, string>,
  ) => upload(`/api/stages/${stageId}/registration/confirm`, file, fileName, fields);
  const teamsOf = async (stageId: string): Promise<Team[]> =>
    (await request(venue.url).get(`/api/stages/${stageId}/teams`).set(auth()).expect(200)).body;
  const found = (problems: Problem[]) =>
    problems.map((problem) => [problem.row, problem.column, problem.key]);

  beforeAll(async () => {
    venue = await startVenue();
    token = await organiserToken(venue);
  });
  afterAll(() => venue.stop());

  describe('a Windows-1251 CSV where Excel put “?” for Kazakh letters', () => {
    const file = fixture('excel-ru-lost-kazakh-letters-1251.csv');

    it('previews, flags every damaged cell by row and column, and saves only the clean rows', async () => {
      const stage = await createRegionalStage(venue, token);
      const answer = (await preview(stage.stageId, file, 'excel.csv').expect(200)).body;
      expect(answer).toMatchObject({ encoding: 'windows-1251', delimiter: ';', missingFields: [] });
      const lost = 'registration.problem.lostKazakhLetters';
      expect(found(answer.problems)).toEqual([
        [2, 'Название команды', lost],
        [2, 'Учебное заведение', lost],
        [2, 'Населённый пункт', lost],
        [2, 'Руководитель', lost],
        [2, 'ФИО участника 1', lost],
        [2, 'ФИО участника 2', lost],
        [5, 'Название команды', lost],
        [5, 'Область', lost],
        [5, 'Населённый пункт', lost],
        [6, 'ФИО участника 1', lost],
        [7, 'Название команды', lost],
      ]);
      expect(answer.problems[0]).toMatchObject({
        value: '?ыран',
        message:
          "this file lost Kazakh letters: save it as Excel workbook (.xlsx) or as 'CSV UTF-8'",
      });
      expect(answer.summary).toMatchObject({ rows: 6, valid: 2, invalid: 4 });

      const refusal = (
        await confirm(stage.stageId, file, 'excel.csv', { fileHash: answer.fileHash }).expect(400)
      ).body;
      expect(refusal.key).toBe('registration.hasErrors');
      expect(await teamsOf(stage.stageId)).toEqual([]);

      const result = (
        await confirm(stage.stageId, file, 'excel.csv', {
          fileHash: answer.fileHash,
          skipInvalid: 'true',
        }).expect(201)
      ).body;
      expect(result).toMatchObject({ teamsCreated: 2, skippedRows: [2, 5, 6, 7] });
      const teams = await teamsOf(stage.stageId);
      expect(teams.map((team) => team.name).sort()).toEqual(['Барыс', 'Ёжики'].sort());
      // Windows-1251 has І і: a Kazakh name with only those letters is whole.
      expect(teams.flatMap((team) => team.members.map((member) => member.name)).sort()).toEqual([
        'Айгерім Бекова',
        'Денис Ким',
        'Фёдор Смирнов',
        'Юлия Орлова',
      ]);
      const everything = JSON.stringify(teams);
      expect(everything).not.toContain('?');
    });

    it('imports a pure-Russian Windows-1251 file with nothing flagged', async () => {
      const stage = await createRegionalStage(venue, token);
      const russian = fixture('excel-ru-windows-1251.csv');
      const answer = (await preview(stage.stageId, russian, 'russian.csv').expect(200)).body;
      expect(answer).toMatchObject({
        encoding: 'windows-1251',
        problems: [],
        summary: { valid: 3, invalid: 0 },
      });
      await confirm(stage.stageId, russian, 'russian.csv', { fileHash: answer.fileHash }).expect(
        201,
      );
      expect((await teamsOf(stage.stageId)).map((team) => team.name).sort()).toEqual([
        'Ёжики',
        'Молния',
        'Циклоп',
      ]);
    });

    it('names the headers that lost their letters when the columns themselves are not recognised', async () => {
      const stage = await createRegionalStage(venue, token);
      // Kazakh headers through Windows-1251, as Excel saves them: Ғ and Қ become "?".
      const kazakh = iconv.encode(
        'Команда атауы;Мектеп;Облыс;Елді мекен;Бағыт;Жаттықтырушы;Қатысушы 1;Сынып 1\r\n' +
          'Барыс;№5 мектеп;Ақтөбе облысы;Ақтөбе;Лабиринт;Серікова Гүлнар;Әлихан Серіков;4\r\n',
        'win1251',
      );
      const answer = (await preview(stage.stageId, kazakh, 'kazakh.csv').expect(200)).body;
      expect(answer).toMatchObject({
        encoding: 'windows-1251',
        lostLetterHeaders: ['Ба?ыт', 'Жатты?тырушы', '?атысушы 1'],
      });
      expect(answer.missingFields).toEqual(expect.arrayContaining(['category', 'member1']));
      await confirm(stage.stageId, kazakh, 'kazakh.csv', { fileHash: answer.fileHash }).expect(400);
      expect(await teamsOf(stage.stageId)).toEqual([]);
    });
  });

  it('in a UTF-8 file flags a “?” inside a word and keeps a question mark after one', async () => {
    const stage = await createRegionalStage(venue, token);
    const file = Buffer.from(
      [
        'Команда,Школа,Категория,Участник 1,Класс 1',
        'Неге?,Мектеп №1,Лабиринт,Дана Ким,4',
        'Н?рлан,Мектеп №1,Лабиринт,?лихан Серіков,4',
        '',
      ].join('\n'),
      'utf8',
    );
    const answer = (await preview(stage.stageId, file, 'utf8.csv').expect(200)).body;
    expect(answer.encoding).toBe('utf-8');
    expect(found(answer.problems)).toEqual([
      [3, 'Команда', 'registration.problem.questionMarkInWord'],
      [3, 'Участник 1', 'registration.problem.questionMarkInWord'],
    ]);
    await confirm(stage.stageId, file, 'utf8.csv', {
      fileHash: answer.fileHash,
      skipInvalid: 'true',
    }).expect(201);
    expect((await teamsOf(stage.stageId)).map((team) => team.name)).toEqual(['Неге?']);
  });

  describe('regions written every way people write them', () => {
    const FORMS: [string, string][] = [
      ['Улытауская область', 'ulytau'],
      ['Ұлытау облысы', 'ulytau'],
      ['Жезказганская обл.', 'ulytau'],
      ['ВКО', 'east-kazakhstan'],
      ['Шығыс Қазақстан облысы', 'east-kazakhstan'],
      ['СКО', 'north-kazakhstan'],
      ['ЗКО', 'west-kazakhstan'],
      ['ЮКО', 'turkistan'],
      ['Туркестанская обл.', 'turkistan'],
      ['Семей', 'abai'],
      ['Абай облысы', 'abai'],
      ['Талдыкорган', 'jetisu'],
      ['Область Жетісу', 'jetisu'],
      ['г. Астана', 'astana'],
      ['Алматы қаласы', 'almaty'],
      ['Алматинская обл', 'almaty-region'],
      ['Shymkent city', 'shymkent'],
      ['Karaganda Region', 'karaganda'],
      ['Aqtobe', 'aktobe'],
    ];
    const rows = [
      ...FORMS.map(
        ([region], index) =>
          `Команда ${index + 1},Мектеп ${index + 1},${region},Лабиринт,Дана Ким,4`,
      ),
      'Қате 1,Мектеп А,Актюбинскя обл.,Лабиринт,Дана Ким,4',
      'Қате 2,Мектеп Б,Московская область,Лабиринт,Дана Ким,4',
    ];
    const file = Buffer.from(
      ['Команда,Школа,Регион,Категория,Участник 1,Класс 1', ...rows, ''].join('\n'),
      'utf8',
    );

    it('resolves each form, suggests the nearest for a misspelling, refuses the unknown, and saves the schools in their regions', async () => {
      const stage = await createRegionalStage(venue, token);
      const answer = (await preview(stage.stageId, file, 'regions.csv').expect(200)).body;
      expect(
        answer.rows.slice(0, FORMS.length).map((row: { regionCode: string }) => row.regionCode),
      ).toEqual(FORMS.map(([, code]) => code));
      expect(
        answer.problems.map((problem: Problem) => [
          problem.row,
          problem.column,
          problem.key,
          problem.params['suggestion'] ?? null,
        ]),
      ).toEqual([
        [
          FORMS.length + 2,
          'Регион',
          'registration.problem.unknownRegionNear',
          'Актюбинская область',
        ],
        [FORMS.length + 3, 'Регион', 'registration.problem.unknownRegion', null],
      ]);
      await confirm(stage.stageId, file, 'regions.csv', {
        fileHash: answer.fileHash,
        skipInvalid: 'true',
      }).expect(201);
      const regionOf = Object.fromEntries(
        (await teamsOf(stage.stageId)).map((team) => [team.name, team.school.regionCode]),
      );
      expect(FORMS.map((_, index) => regionOf[`Команда ${index + 1}`])).toEqual(
        FORMS.map(([, code]) => code),
      );
      expect(Object.keys(regionOf)).toHaveLength(FORMS.length);
    });
  });
});
