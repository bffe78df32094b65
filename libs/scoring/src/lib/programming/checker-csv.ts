import { fail, fieldError, ok } from '../common/validated';
import type { FieldError, Validated } from '../ledger.types';
import { validateEntry } from '../ledger/validate-entry';
import { parseContestTime } from './contest-time';
import { PROGRAMMING_TASK, type ProgrammingTaskPayload } from './programming-entries';
import type { ProgrammingRuleSet } from './programming-rules';
import type { IcpcTaskState } from './programming-score';
import { taskDraftPayloads } from './task-draft';

export interface CheckerRow {
  /** 1-based line of the file. */
  line: number;
  /** The team as the file names it (id or name); the server maps it to a team. */
  team: string;
  payload: ProgrammingTaskPayload;
}

/** Splits one CSV line; fields may be quoted with "" as an escaped quote. */
function splitLine(line: string, delimiter: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) {
      fields.push(field.trim());
      field = '';
    } else field += ch;
  }
  fields.push(field.trim());
  return fields;
}

export type CheckerColumn = 'team' | 'task' | 'points' | 'time' | 'tries' | 'groups';

/** Header words for each column in kk/ru/en; without a header the columns come in this order. */
const COLUMN_WORDS: Record<CheckerColumn, RegExp> = {
  team: /team|команда/,
  task: /task|задача|есеп/,
  points: /points|балл|ұпай/,
  time: /time|время|уақыт/,
  tries: /tries|wrong|попыт|ошиб|қате|әрекет/,
  groups: /group|групп|топ/,
};
const COLUMNS = Object.keys(COLUMN_WORDS) as CheckerColumn[];
const REQUIRED: readonly CheckerColumn[] = ['team', 'task', 'points'];

/** One line of a checker's file as written, before any rule is applied. */
export interface CheckerLine {
  /** 1-based line of the file. */
  line: number;
  /** The team as the file names it (id or name). */
  team: string;
  task: string;
  /** Whole points ≥ 0 (`70,0` reads as 70); null when the cell is empty or not such a number. */
  points: number | null;
  /** The contest time cell as written; empty without a time column. */
  time: string;
  /** The wrong tries cell as written; empty without a tries column. */
  tries: string;
  /** The test groups passed as written ("1 2 3" or "1+2+3"); empty without a groups column. */
  groups: string;
}

export interface CheckerTable {
  /** The columns the header does not name (all of them without a header row). */
  missingColumns: CheckerColumn[];
  /** Where each column is (1-based), null when the file has none. */
  columns: Record<CheckerColumn, number | null>;
  lines: CheckerLine[];
}

function readPoints(text: string): number | null {
  const number = Number(text.replace(',', '.'));
  return text !== '' && Number.isInteger(number) && number >= 0 ? number : null;
}

/**
 * Reads a checker's result file line by line without judging it, for a preview that shows every
 * line: separated by ';', tab or ',' (whichever the first line uses, in that order), a BOM and
 * blank lines ignored. A header row (recognised by a column word in any language) names the
 * columns in any order; without one the columns are team, task, points, time, tries, groups.
 */
export function readCheckerCsv(text: string): CheckerTable {
  const rows = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const first = rows.find((row) => row.trim()) ?? '';
  const delimiter = [';', '\t', ','].find((candidate) => first.includes(candidate)) ?? ',';
  const header = splitLine(first, delimiter).map((cell) => cell.toLowerCase());
  const named = (column: CheckerColumn) =>
    header.findIndex((cell) => COLUMN_WORDS[column].test(cell));
  // Only the three required columns mark a header row: a team called "Timer" is data.
  const hasHeader = REQUIRED.some((column) => named(column) >= 0);
  const missingColumns = COLUMNS.filter((column) => !hasHeader || named(column) < 0);
  const index = (column: CheckerColumn) => {
    if (hasHeader) return named(column);
    return COLUMNS.indexOf(column);
  };
  const widest = Math.max(
    0,
    ...rows.filter((row) => row.trim()).map((row) => splitLine(row, delimiter).length),
  );
  const columns = Object.fromEntries(
    COLUMNS.map((column) => {
      const at = index(column);
      // Without a header, an optional column exists only when some line is that wide.
      const present = at >= 0 && (hasHeader || REQUIRED.includes(column) || at < widest);
      return [column, present ? at + 1 : null];
    }),
  ) as Record<CheckerColumn, number | null>;
  const lines: CheckerLine[] = [];
  rows.forEach((row, number) => {
    if (!row.trim() || (hasHeader && row === first)) return;
    const cells = splitLine(row, delimiter);
    const cell = (column: CheckerColumn) => {
      const at = columns[column];
      return at === null ? '' : (cells[at - 1] ?? '');
    };
    lines.push({
      line: number + 1,
      team: cell('team'),
      task: cell('task'),
      points: readPoints(cell('points')),
      time: cell('time'),
      tries: cell('tries'),
      groups: cell('groups'),
    });
  });
  return { missingColumns, columns, lines };
}

/**
 * What one line of a checker's file records, checked like the programming.task entries it makes
 * (docs/rules.md, Programming). Without a tries column a line is one submission; with one, it sums
 * up the task for the team (ICPC): solved when it has full points, at the contest time given,
 * after that many wrong tries in all (those in `recorded` are not sent again).
 */
export function checkCheckerLine(
  ruleSet: ProgrammingRuleSet,
  row: CheckerLine,
  columns: CheckerTable['columns'],
  recorded?: IcpcTaskState,
): Validated<ProgrammingTaskPayload[]> {
  const { line } = row;
  const params = ruleSet.params;
  const errors: FieldError[] = [];
  if (row.team === '')
    errors.push(
      fieldError(`lines.${line}.team`, 'scoring.csv.teamMissing', `line ${line}: no team`),
    );
  if (row.points === null)
    errors.push(
      fieldError(
        `lines.${line}.points`,
        'scoring.csv.pointsNotNumber',
        `line ${line}: points must be a whole number`,
      ),
    );
  const timeMs = row.time === '' ? null : parseContestTime(row.time);
  if (row.time !== '' && timeMs === null)
    errors.push(
      fieldError(
        `lines.${line}.time`,
        'scoring.csv.badContestTime',
        `line ${line}, column ${columns.time}: time must be m:ss or h:mm:ss`,
        { line, column: columns.time ?? 0 },
      ),
    );
  const tries = row.tries === '' ? null : Number(row.tries);
  if (tries !== null && !(/^\d+$/.test(row.tries) && Number.isSafeInteger(tries)))
    errors.push(
      fieldError(
        `lines.${line}.tries`,
        'scoring.csv.badTries',
        `line ${line}, column ${columns.tries}: wrong tries must be a whole number`,
        { line, column: columns.tries ?? 0 },
      ),
    );
  const groups = row.groups.trim() === '' ? null : row.groups.trim().split(/[\s+]+/);
  if (errors.length > 0 || row.points === null) return fail(errors);

  const task = params.tasks.find((candidate) => candidate.id === row.task);
  let payloads: ProgrammingTaskPayload[] = [{ task: row.task, points: row.points, groups, timeMs }];
  if (task && params.submissions === 'icpc' && tries !== null) {
    const drafted = taskDraftPayloads(
      params,
      task,
      {
        points: row.points,
        groups,
        solved: row.points === task.maxPoints,
        time: row.time,
        wrongTries: tries,
      },
      recorded,
      `lines.${line}`,
    );
    if (!drafted.ok) {
      return fail(drafted.errors.map((e) => ({ ...e, message: `line ${line}: ${e.message}` })));
    }
    payloads = drafted.value;
  }
  for (const payload of payloads) {
    const checked = validateEntry(ruleSet, {
      kind: PROGRAMMING_TASK,
      teamId: row.team,
      payload,
    });
    if (!checked.ok) {
      return fail(
        checked.errors.map((error) => ({
          ...error,
          path: `lines.${line}.${error.path.replace(/^payload\./, '')}`,
          message: `line ${line}: ${error.message}`,
        })),
      );
    }
  }
  return ok(payloads);
}

/**
 * Reads a checker's result file (as `readCheckerCsv` does) and checks it as a whole: the header
 * must name the columns team, task, points and optionally time (m:ss or h:mm:ss from the contest
 * start), tries and groups. Each line is checked as `checkCheckerLine` does; all problems are
 * reported with their line (and column, for a cell that is not a number or a time).
 */
export function parseCheckerCsv(
  ruleSet: ProgrammingRuleSet,
  text: string,
): Validated<CheckerRow[]> {
  const { missingColumns, columns, lines } = readCheckerCsv(text);
  const missing = missingColumns.filter((column) => REQUIRED.includes(column));
  if (missing.length > 0) {
    return fail([
      fieldError(
        'lines.1',
        'scoring.csv.missingColumns',
        `the header needs the columns ${missing.join(', ')}`,
        { field: missing.join(', ') },
      ),
    ]);
  }
  const rows: CheckerRow[] = [];
  const errors: FieldError[] = [];
  for (const line of lines) {
    const checked = checkCheckerLine(ruleSet, line, columns);
    if (!checked.ok) errors.push(...checked.errors);
    else
      rows.push(...checked.value.map((payload) => ({ line: line.line, team: line.team, payload })));
  }
  return errors.length > 0 ? fail(errors) : ok(rows);
}
