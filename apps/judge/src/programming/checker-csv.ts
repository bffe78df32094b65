import { searchKey } from '@olympiad/i18n';

/**
 * A checker's result file: one row per team and task, `team,task,points` with a header row.
 * The team is its name (as in the team list) or its id; separators ',' ';' or tab.
 */
export interface CheckerRow {
  line: number;
  team: string;
  task: string;
  points: number | null;
}

function splitLine(line: string, separator: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === separator) {
      cells.push(cell.trim());
      cell = '';
    } else cell += char;
  }
  cells.push(cell.trim());
  return cells;
}

export function parseCheckerCsv(text: string): CheckerRow[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const first = lines.find((line) => line.trim()) ?? '';
  const separator = [';', '\t', ','].find((candidate) => first.includes(candidate)) ?? ',';
  const header = splitLine(first, separator).map((cell) => cell.toLowerCase());
  const hasHeader = header.some((cell) =>
    /team|команда|task|задача|есеп|points|балл|ұпай/.test(cell),
  );
  const rows: CheckerRow[] = [];
  lines.forEach((line, index) => {
    if (!line.trim() || (hasHeader && line === first)) return;
    const [team = '', task = '', points = ''] = splitLine(line, separator);
    const number = Number(points.replace(',', '.'));
    rows.push({
      line: index + 1,
      team,
      task,
      points: points !== '' && Number.isInteger(number) && number >= 0 ? number : null,
    });
  });
  return rows;
}

/**
 * Finds a team by id, exact name, or name compared as search compares it (case, Kazakh letters
 * typed as Russian ones, Latin look-alikes). A loose name that fits two teams finds none.
 */
export function teamMatcher(teams: readonly { id: string; name: string }[]) {
  const exact = new Map<string, string>();
  const loose = new Map<string, string[]>();
  for (const team of teams) {
    exact.set(team.id, team.id);
    exact.set(team.name.trim(), team.id);
    const key = searchKey(team.name);
    loose.set(key, [...(loose.get(key) ?? []), team.id]);
  }
  return (text: string): string | null => {
    const found = exact.get(text.trim());
    if (found) return found;
    const candidates = loose.get(searchKey(text)) ?? [];
    return candidates.length === 1 ? candidates[0] : null;
  };
}
