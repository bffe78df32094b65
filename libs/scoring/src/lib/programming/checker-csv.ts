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

/** "75", "1:15" or "1:02:03" (h:mm:ss) as milliseconds; null when not a time. */
function timeToMs(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const parts = text.split(':');
  if (parts.length < 2 || parts.length > 3 || !parts.every((p) => /^\d+$/.test(p))) return null;
  return parts.reduce((total, part) => total * 60 + Number(part), 0) * 1000;
}

/**
 * Reads a checker's result file: a header with the columns team, task, points and optionally time
 * (seconds or m:ss, contest time), comma- or semicolon-separated. Each row is checked like a
 * programming.task entry; all problems are reported with their line.
 */
export function parseCheckerCsv(
  ruleSet: ProgrammingRuleSet,
  text: string,
): Validated<CheckerRow[]> {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = lines[0] ?? '';
  const delimiter = header.includes(';') && !header.includes(',') ? ';' : ',';
  const columns = splitLine(header, delimiter).map((c) => c.toLowerCase());
  const at = (name: string) => columns.indexOf(name);
  const missing = ['team', 'task', 'points'].filter((name) => at(name) < 0);
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
  lines.forEach((raw, index) => {
    if (index === 0 || raw.trim() === '') return;
    const line = index + 1;
    const fields = splitLine(raw, delimiter);
    const team = fields[at('team')] ?? '';
    const pointsText = fields[at('points')] ?? '';
    const timeText = at('time') >= 0 ? (fields[at('time')] ?? '') : '';
    const timeMs = timeText === '' ? null : timeToMs(timeText);
    if (team === '')
      errors.push(
        fieldError(`lines.${line}.team`, 'scoring.csv.teamMissing', `line ${line}: no team`),
      );
    if (!/^\d+$/.test(pointsText)) {
      errors.push(
        fieldError(
          `lines.${line}.points`,
          'scoring.csv.pointsNotNumber',
          `line ${line}: points must be a whole number`,
        ),
      );
      return;
    }
    if (timeText !== '' && timeMs === null) {
      errors.push(
        fieldError(
          `lines.${line}.time`,
          'scoring.csv.badTime',
          `line ${line}: time must be seconds or m:ss`,
        ),
      );
      return;
    }
    const payload = {
      task: fields[at('task')] ?? '',
      points: Number(pointsText),
      groups: null,
      timeMs,
    };
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
      return;
    }
    if (team !== '')
      rows.push({ line, team, payload: checked.value.payload as ProgrammingTaskPayload });
  });
  return errors.length > 0 ? fail(errors) : ok(rows);
}
