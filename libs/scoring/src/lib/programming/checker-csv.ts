import { fail, fieldError, ok } from '../common/validated';
import type { FieldError, Validated } from '../ledger.types';
import { validateEntry } from '../ledger/validate-entry';
import { PROGRAMMING_TASK, type ProgrammingTaskPayload } from './programming-entries';
import type { ProgrammingRuleSet } from './programming-rules';

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

export type CheckerColumn = 'team' | 'task' | 'points' | 'time';

/** Header words for each column in kk/ru/en; without a header the columns come in this order. */
const COLUMN_WORDS: Record<CheckerColumn, RegExp> = {
  team: /team|команда/,
  task: /task|задача|есеп/,
  points: /points|балл|ұпай/,
  time: /time|время|уақыт/,
};
const COLUMNS = Object.keys(COLUMN_WORDS) as CheckerColumn[];

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
}

export interface CheckerTable {
  /** The columns the header does not name (all of them without a header row). */
  missingColumns: CheckerColumn[];
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
 * columns in any order; without one the columns are team, task, points, time.
 */
export function readCheckerCsv(text: string): CheckerTable {
  const rows = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const first = rows.find((row) => row.trim()) ?? '';
  const delimiter = [';', '\t', ','].find((candidate) => first.includes(candidate)) ?? ',';
  const header = splitLine(first, delimiter).map((cell) => cell.toLowerCase());
  const named = (column: CheckerColumn) =>
    header.findIndex((cell) => COLUMN_WORDS[column].test(cell));
  // Only the three required columns mark a header row: a team called "Timer" is data.
  const hasHeader = COLUMNS.some((column) => column !== 'time' && named(column) >= 0);
  const missingColumns = COLUMNS.filter((column) => !hasHeader || named(column) < 0);
  const index = (column: CheckerColumn) => {
    if (hasHeader && named(column) >= 0) return named(column);
    return hasHeader && column === 'time' ? -1 : COLUMNS.indexOf(column);
  };
  const lines: CheckerLine[] = [];
  rows.forEach((row, number) => {
    if (!row.trim() || (hasHeader && row === first)) return;
    const cells = splitLine(row, delimiter);
    const cell = (column: CheckerColumn) => cells[index(column)] ?? '';
    lines.push({
      line: number + 1,
      team: cell('team'),
      task: cell('task'),
      points: readPoints(cell('points')),
      time: cell('time'),
    });
  });
  return { missingColumns, lines };
}

/** "75", "1:15" or "1:02:03" (h:mm:ss) as milliseconds; null when not a time. */
function timeToMs(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const parts = text.split(':');
  if (parts.length < 2 || parts.length > 3 || !parts.every((p) => /^\d+$/.test(p))) return null;
  return parts.reduce((total, part) => total * 60 + Number(part), 0) * 1000;
}

/**
 * Reads a checker's result file (as `readCheckerCsv` does) and checks it as a whole: the header
 * must name the columns team, task, points and optionally time (seconds or m:ss, contest time).
 * Each row is checked like a programming.task entry; all problems are reported with their line.
 */
export function parseCheckerCsv(
  ruleSet: ProgrammingRuleSet,
  text: string,
): Validated<CheckerRow[]> {
  const { missingColumns, lines } = readCheckerCsv(text);
  const missing = missingColumns.filter((column) => column !== 'time');
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
  for (const { line, team, task, points, time } of lines) {
    const timeMs = time === '' ? null : timeToMs(time);
    if (team === '')
      errors.push(
        fieldError(`lines.${line}.team`, 'scoring.csv.teamMissing', `line ${line}: no team`),
      );
    if (points === null) {
      errors.push(
        fieldError(
          `lines.${line}.points`,
          'scoring.csv.pointsNotNumber',
          `line ${line}: points must be a whole number`,
        ),
      );
      continue;
    }
    if (time !== '' && timeMs === null) {
      errors.push(
        fieldError(
          `lines.${line}.time`,
          'scoring.csv.badTime',
          `line ${line}: time must be seconds or m:ss`,
        ),
      );
      continue;
    }
    const payload = { task, points, groups: null, timeMs };
    const checked = validateEntry(ruleSet, {
      kind: PROGRAMMING_TASK,
      teamId: team || 'unknown',
      payload,
    });
    if (!checked.ok) {
      for (const error of checked.errors) {
        errors.push({
          ...error,
          path: `lines.${line}.${error.path.replace(/^payload\./, '')}`,
          message: `line ${line}: ${error.message}`,
        });
      }
      continue;
    }
    if (team !== '')
      rows.push({ line, team, payload: checked.value.payload as ProgrammingTaskPayload });
  }
  return errors.length > 0 ? fail(errors) : ok(rows);
}
