import { REGIONS } from '@olympiad/contracts';
import { findRegion } from '../regions/find-region';
import {
  checkRegistrationRows,
  parseGrade,
  schoolKey,
  teamKey,
  type RegistrationContext,
} from './check-registration-rows';
import { mapColumns } from './header-mapping';

const context: RegistrationContext = {
  stageRegionCode: 'aktobe',
  regions: REGIONS,
  categories: [
    { id: 'maze-34', name: 'Лабиринт 3–4', discipline: 'maze', minGrade: 3, maxGrade: 4 },
    { id: 'maze-56', name: 'Лабиринт 5–6', discipline: 'maze', minGrade: 5, maxGrade: 6 },
    { id: 'scratch-34', name: 'Scratch 3–4', discipline: 'programming', minGrade: 3, maxGrade: 4 },
    { id: 'python-56', name: 'Python 5–6', discipline: 'programming', minGrade: 5, maxGrade: 6 },
  ],
  schools: new Map([[schoolKey('Мектеп №1', 'aktobe'), 'school-1']]),
  existingTeams: new Set([teamKey('Қыран', 'maze-34')]),
};
const { columns } = mapColumns([
  'Команда',
  'Школа',
  'Регион',
  'Категория',
  'Участник 1',
  'Класс 1',
]);
const sut = (...cells: string[][]) =>
  checkRegistrationRows(
    columns,
    cells.map((row, index) => ({ line: index + 2, cells: row })),
    context,
  );

describe('checkRegistrationRows', () => {
  it('puts a team in the age group of its oldest member, the discipline named in any language', () => {
    const { rows, problems } = sut(
      ['Барыс', 'Мектеп №1', '', 'лабиринт', 'Әлихан', '6'],
      ['Robo', 'Мектеп №1', '', 'Maze', 'Ann', '4 класс'],
    );
    expect(problems).toEqual([]);
    expect(rows.map((row) => [row.categoryId, row.regionCode, row.newSchool])).toEqual([
      ['maze-56', 'aktobe', false],
      ['maze-34', 'aktobe', false],
    ]);
  });

  it('tells Scratch from Python by the name the school wrote', () => {
    const { rows } = sut(['Код', 'Мектеп №2', 'Ақтөбе облысы', 'Scratch', 'Дана', '4']);
    expect(rows[0]).toMatchObject({ categoryId: 'scratch-34', newSchool: true, ok: true });
  });

  it('names the row and column of a team registered before and of a Latin look-alike', () => {
    const { problems } = sut(
      ['Қыран', 'Мектеп №1', '', 'Лабиринт', 'Әлихан', '4'],
      ['Бaрыс', 'Мектеп №1', '', 'Лабиринт', 'Дана', '4'],
    );
    expect(
      problems.map((problem) => [problem.row, problem.column, problem.key, problem.severity]),
    ).toEqual([
      [2, 'Команда', 'registration.problem.alreadyRegistered', 'error'],
      [3, 'Команда', 'registration.problem.lookalike', 'warning'],
    ]);
    expect(problems[1].suggestion).toBe('Барыс');
  });
});

describe('checkRegistrationRows: letters lost by Excel and regions as people write them', () => {
  const withTown = mapColumns([
    'Команда',
    'Мектеп',
    'Облыс',
    'Елді мекен',
    'Санат',
    'Қатысушы 1',
    'Сынып 1',
    'Қатысушы 2',
    'Сынып 2',
  ]).columns;
  const check = (encoding: RegistrationContext['encoding'], ...cells: string[][]) =>
    checkRegistrationRows(
      withTown,
      cells.map((row, index) => ({ line: index + 2, cells: row })),
      { ...context, encoding },
    );
  const found = (problems: { row: number; column: string; key: string }[]) =>
    problems.map((problem) => [problem.row, problem.column, problem.key]);

  it('flags each cell of a Windows-1251 file where a Kazakh letter became “?”, by row and column, and keeps the rest good', () => {
    const { rows, problems, summary } = check(
      'windows-1251',
      ['?ыран', 'Мектеп №1', 'А?т?бе облысы', 'Хромтау', 'Лабиринт', '?лихан', '4', 'Дана', '4'],
      [
        'Барыс',
        '?азы?ұрт мектебі',
        'Актюбинская обл.',
        '?арабұта?',
        'Лабиринт',
        'Иван Петров',
        '4',
        'Мейірж??',
        '3',
      ],
      [
        'Ёжики',
        'Школа-лицей №1',
        'Актюбинская обл.',
        'Хромтау',
        'Лабиринт',
        'Фёдор Смирнов',
        '4',
        '',
        '',
      ],
    );
    expect(found(problems)).toEqual([
      [2, 'Команда', 'registration.problem.lostKazakhLetters'],
      [2, 'Облыс', 'registration.problem.lostKazakhLetters'],
      [2, 'Қатысушы 1', 'registration.problem.lostKazakhLetters'],
      [3, 'Мектеп', 'registration.problem.lostKazakhLetters'],
      [3, 'Елді мекен', 'registration.problem.lostKazakhLetters'],
      [3, 'Қатысушы 2', 'registration.problem.lostKazakhLetters'],
    ]);
    expect(problems[0].message).toBe(
      "this file lost Kazakh letters: save it as Excel workbook (.xlsx) or as 'CSV UTF-8'",
    );
    expect(rows.map((row) => row.ok)).toEqual([false, false, true]);
    expect(summary).toMatchObject({ valid: 1, invalid: 2 });
  });

  it('reads a “?” after a word of UTF-8 text as a question mark, and one inside a word as a lost letter', () => {
    const { problems } = check('utf-8', [
      'Неге?',
      'Мектеп №1',
      '',
      '',
      'Лабиринт',
      'Н?рлан',
      '4',
      '',
      '',
    ]);
    expect(found(problems)).toEqual([[2, 'Қатысушы 1', 'registration.problem.questionMarkInWord']]);
  });

  it('suggests the region a misspelt name is near, and refuses a name near none', () => {
    const { problems } = check(
      'utf-8',
      ['Барыс', 'Мектеп №1', 'Актюбинскя обл.', '', 'Лабиринт', 'Дана', '4', '', ''],
      ['Бүркіт', 'Мектеп №1', 'Московская область', '', 'Лабиринт', 'Дана', '4', '', ''],
      ['Шағала', 'Мектеп №1', 'ВКО', '', 'Лабиринт', 'Дана', '4', '', ''],
    );
    expect(
      problems.map((problem) => [problem.row, problem.key, problem.params['suggestion'] ?? null]),
    ).toEqual([
      [2, 'registration.problem.unknownRegionNear', 'Актюбинская область'],
      [3, 'registration.problem.unknownRegion', null],
    ]);
  });
});

describe('findRegion and parseGrade', () => {
  it.each([
    ['Актюбинская обл.', 'aktobe'],
    ['Ақтөбе облысы', 'aktobe'],
    ['aktobe', 'aktobe'],
    ['г. Алматы', 'almaty'],
    ['Алматы', 'almaty'],
    ['Алматы облысы', 'almaty-region'],
    ['Алматинская область', 'almaty-region'],
    ['East Kazakhstan Region', 'east-kazakhstan'],
    ['Шығыс Қазақстан облысы', 'east-kazakhstan'],
  ])('%s is %s', (text, code) => {
    expect(findRegion(REGIONS, text)?.code).toBe(code);
  });

  it('reads grades as schools write them and refuses the rest', () => {
    expect(['4', '4 класс', '4А', '10-сынып', ' 3 '].map(parseGrade)).toEqual([4, 4, 4, 10, 3]);
    expect(['седьмой', '4.5', '', 'x4'].map(parseGrade)).toEqual([null, null, null, null]);
  });
});
