import type {
  RegistrationColumn,
  RegistrationField,
  RegistrationProblem,
  RegistrationProblemKey,
  RegistrationRowPreview,
  Region,
} from '@olympiad/contracts';
import { findLatinLookalikes, replaceLatinLookalikes, searchKey } from '@olympiad/i18n';
import { findRegion, suggestRegion } from '../regions/find-region';
import { hasLostLetters, lacksKazakhLetters, type TextEncoding } from './lost-letters';
import type { TableRow } from './read-table';

export interface RegistrationCategory {
  id: string;
  name: string;
  discipline: string;
  minGrade: number;
  maxGrade: number;
}

export interface RegistrationContext {
  /** The stage's region: the default for rows that name none (null for the republic stage). */
  stageRegionCode: string | null;
  regions: readonly Region[];
  categories: readonly RegistrationCategory[];
  /** searchKey(school name) + '|' + region code → school id. */
  schools: ReadonlyMap<string, string>;
  /** searchKey(team name) + '|' + category id of teams already in the stage. */
  existingTeams: ReadonlySet<string>;
  /** How a CSV file's text was read (undefined for XLSX): decides what a "?" in a name means. */
  encoding?: TextEncoding;
}

export const schoolKey = (name: string, regionCode: string) => `${searchKey(name)}|${regionCode}`;
export const teamKey = (name: string, categoryId: string) => `${searchKey(name)}|${categoryId}`;

const MAX_NAME = 200;
/** The columns of names and places, where a "?" in a word is a lost letter. */
const TEXT_FIELDS: readonly RegistrationField[] = [
  'team',
  'school',
  'region',
  'town',
  'category',
  'coach',
  'member1',
  'member2',
  'member3',
];
const MEMBER_FIELDS = [
  ['member1', 'grade1'],
  ['member2', 'grade2'],
  ['member3', 'grade3'],
] as const;

/** How schools write a discipline in the category column. */
const DISCIPLINE_WORDS: Record<string, string[]> = {
  maze: ['лабиринт', 'maze', 'labyrinth'],
  sumo: ['сумо', 'sumo'],
  programming: ['программир', 'багдарлам', 'programming', 'scratch', 'python', 'скретч', 'питон'],
  creative: ['творческ', 'шыгармашыл', 'креатив', 'creative', 'инженер', 'проект', 'жоба'],
};

/** "4", "4 класс", "4А", "4-сынып" → 4; anything else → null. */
export function parseGrade(value: string): number | null {
  const match = /^(\d{1,2})[\s\p{L}.–-]*$/u.exec(value.trim());
  return match ? Number(match[1]) : null;
}

/** Categories the value names: the exact name, then names holding its words, then its discipline. */
function categoryCandidates(
  categories: readonly RegistrationCategory[],
  value: string,
): RegistrationCategory[] {
  const key = searchKey(value);
  if (!key) return [];
  const exact = categories.filter((category) => searchKey(category.name) === key);
  if (exact.length > 0) return exact;
  const words = key.split(' ').filter((word) => !/^\d+$/.test(word));
  const byName = categories.filter((category) => {
    const name = searchKey(category.name);
    return words.length > 0 && words.every((word) => name.includes(word));
  });
  if (byName.length > 0) return byName;
  const disciplines = Object.entries(DISCIPLINE_WORDS)
    .filter(([, names]) =>
      names.some((name) => key.split(' ').some((word) => word.startsWith(name))),
    )
    .map(([discipline]) => discipline);
  return categories.filter((category) => disciplines.includes(category.discipline));
}

function memo<T>(work: (text: string) => T): (text: string) => T {
  const known = new Map<string, T>();
  return (text) => {
    if (!known.has(text)) known.set(text, work(text));
    return known.get(text) as T;
  };
}

const PROBLEM_TEXT: Record<RegistrationProblemKey, string> = {
  'registration.problem.missingTeam': 'the team name is empty',
  'registration.problem.missingSchool': 'the school is empty',
  'registration.problem.missingRegion': 'the region is empty',
  'registration.problem.unknownRegion': 'no region is called “{value}”',
  'registration.problem.unknownRegionNear':
    'no region is called “{value}”; did you mean “{suggestion}”?',
  'registration.problem.missingCategory': 'the category is empty',
  'registration.problem.unknownCategory': 'this stage has no category “{value}”',
  'registration.problem.missingMember': 'the team has no member',
  'registration.problem.missingGrade': 'the grade of {member} is empty',
  'registration.problem.badGrade': '“{value}” is not a grade from 1 to 11',
  'registration.problem.gradeOutsideCategory':
    'grade {grade} does not fit any “{value}” category of this stage',
  'registration.problem.gradeWithoutMember': 'a grade without a member name',
  'registration.problem.duplicateInFile': 'the same team as in row {other}',
  'registration.problem.alreadyRegistered': 'this team is already registered in this category',
  'registration.problem.tooLong': 'longer than {max} characters',
  'registration.problem.lookalike': 'Latin letters inside a Cyrillic name: {letters}',
  'registration.problem.lostKazakhLetters':
    "this file lost Kazakh letters: save it as Excel workbook (.xlsx) or as 'CSV UTF-8'",
  'registration.problem.questionMarkInWord':
    '“?” stands for a letter: Kazakh letters were lost before this file was saved; type them back in',
};

/**
 * Checks every row of an import and says what would be written. Pure: the caller passes what is
 * on record. Errors exclude a row; warnings (Latin look-alikes) do not.
 */
export function checkRegistrationRows(
  columns: RegistrationColumn[],
  rows: TableRow[],
  context: RegistrationContext,
) {
  const indexOf = new Map<RegistrationField, number>();
  for (const column of columns) if (column.field) indexOf.set(column.field, column.index);
  const headerOf = (field: RegistrationField) => columns[indexOf.get(field) ?? -1]?.header ?? field;

  // Files repeat the same region and category on every row: work each distinct text out once.
  const regionOf = memo((text: string) => findRegion(context.regions, text)?.code ?? null);
  const nearRegionOf = memo((text: string) => suggestRegion(context.regions, text)?.text ?? null);
  const candidatesOf = memo((text: string) => categoryCandidates(context.categories, text));
  const problems: RegistrationProblem[] = [];
  const previews: RegistrationRowPreview[] = [];
  const seenTeams = new Map<string, number>();
  const newSchools = new Set<string>();

  for (const { line, cells } of rows) {
    const cell = (field: RegistrationField) => {
      const index = indexOf.get(field);
      return index === undefined ? '' : (cells[index] ?? '').trim();
    };
    let ok = true;
    const report = (
      field: RegistrationField,
      key: RegistrationProblemKey,
      params: Record<string, string | number> = {},
      extra: Partial<RegistrationProblem> = {},
    ) => {
      const severity = key === 'registration.problem.lookalike' ? 'warning' : 'error';
      if (severity === 'error') ok = false;
      const value = cell(field);
      const allParams: Record<string, string | number> = { value, ...params };
      const message = PROBLEM_TEXT[key].replace(/\{(\w+)\}/g, (_, name: string) =>
        String(allParams[name] ?? ''),
      );
      problems.push({
        row: line,
        column: headerOf(field),
        field,
        severity,
        key,
        message,
        params: allParams,
        value,
        ...extra,
      });
    };
    // A damaged cell is reported once, as damaged, and the row is never saved.
    const lost = new Set(
      TEXT_FIELDS.filter((field) => hasLostLetters(cell(field), context.encoding)),
    );
    const lostKey = lacksKazakhLetters(context.encoding)
      ? 'registration.problem.lostKazakhLetters'
      : 'registration.problem.questionMarkInWord';
    for (const field of lost) report(field, lostKey);
    const checkName = (field: RegistrationField, required?: RegistrationProblemKey) => {
      const value = cell(field);
      if (!value) {
        if (required) report(field, required);
        return value;
      }
      if (lost.has(field)) return value;
      if (value.length > MAX_NAME) report(field, 'registration.problem.tooLong', { max: MAX_NAME });
      const lookalikes = findLatinLookalikes(value);
      if (lookalikes.length > 0) {
        report(
          field,
          'registration.problem.lookalike',
          { letters: [...new Set(lookalikes.map((found) => found.char))].join(' ') },
          { suggestion: replaceLatinLookalikes(value) },
        );
      }
      return value;
    };

    const team = checkName('team', 'registration.problem.missingTeam');
    const school = checkName('school', 'registration.problem.missingSchool');
    const coach = checkName('coach');

    let regionCode: string | null = context.stageRegionCode;
    const regionText = cell('region');
    if (regionText) {
      regionCode = regionOf(regionText);
      const near = regionCode || lost.has('region') ? null : nearRegionOf(regionText);
      if (near) report('region', 'registration.problem.unknownRegionNear', { suggestion: near });
      else if (!regionCode && !lost.has('region'))
        report('region', 'registration.problem.unknownRegion');
    } else if (!regionCode) {
      report('region', 'registration.problem.missingRegion');
    }

    const members: RegistrationRowPreview['members'] = [];
    for (const [memberField, gradeField] of MEMBER_FIELDS) {
      const name = checkName(memberField);
      const gradeText = cell(gradeField);
      if (!name && !gradeText) continue;
      if (!name) {
        report(gradeField, 'registration.problem.gradeWithoutMember');
        continue;
      }
      let grade: number | null = null;
      if (!gradeText) report(gradeField, 'registration.problem.missingGrade', { member: name });
      else {
        grade = parseGrade(gradeText);
        if (grade === null || grade < 1 || grade > 11) {
          report(gradeField, 'registration.problem.badGrade');
          grade = null;
        }
      }
      members.push({ name, grade });
    }
    if (members.length === 0 && !cell('grade1') && !cell('grade2') && !cell('grade3'))
      report('member1', 'registration.problem.missingMember');

    const categoryText = cell('category');
    let category: RegistrationCategory | null = null;
    if (!categoryText) report('category', 'registration.problem.missingCategory');
    else if (!lost.has('category')) {
      const candidates = candidatesOf(categoryText);
      const grades = members
        .map((member) => member.grade)
        .filter((grade): grade is number => grade !== null);
      // A team's age group is its oldest member's grade (docs/rules.md#everywhere).
      const oldest = grades.length > 0 ? Math.max(...grades) : null;
      if (candidates.length === 0) report('category', 'registration.problem.unknownCategory');
      else if (oldest !== null) {
        category =
          candidates.find(
            (candidate) => oldest >= candidate.minGrade && oldest <= candidate.maxGrade,
          ) ?? null;
        if (!category)
          report('category', 'registration.problem.gradeOutsideCategory', { grade: oldest });
      }
    }

    if (team && category) {
      const key = teamKey(team, category.id);
      const earlier = seenTeams.get(key);
      if (earlier !== undefined)
        report('team', 'registration.problem.duplicateInFile', { other: earlier });
      else seenTeams.set(key, line);
      if (context.existingTeams.has(key)) report('team', 'registration.problem.alreadyRegistered');
    }

    const known =
      school && regionCode ? context.schools.get(schoolKey(school, regionCode)) : undefined;
    const newSchool = Boolean(school && regionCode && !known);
    if (ok && newSchool && regionCode) newSchools.add(schoolKey(school, regionCode));
    previews.push({
      row: line,
      team,
      school,
      regionCode,
      town: cell('town'),
      categoryId: category?.id ?? null,
      categoryName: category?.name ?? categoryText,
      coach,
      members,
      newSchool,
      ok,
    });
  }

  const valid = previews.filter((row) => row.ok).length;
  return {
    rows: previews,
    problems,
    summary: {
      rows: previews.length,
      valid,
      invalid: previews.length - valid,
      warnings: problems.filter((problem) => problem.severity === 'warning').length,
      newSchools: newSchools.size,
    },
  };
}
