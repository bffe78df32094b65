import { fieldError, fail, ok } from '../common/validated';
import type { FieldError, Validated } from '../ledger.types';
import { validateEntry } from '../ledger/validate-entry';
import { MAZE_ATTEMPT, type MazeAttemptPayload } from '../maze/maze-entries';
import type { MazeRuleSet } from '../maze/maze-rules';
import { compareNames } from '../ranking/name-collation';
import { sheetEntryId } from './sheet-code';

/** A team's line on a printed sheet; `row` is 1-based and part of the entries' ids. */
export interface ScoreSheetRow {
  row: number;
  teamId: string;
  teamName: string;
  school: string;
}

/** The boxes of a maze sheet's line, from the category's rule set (README, "Paper fallback"). */
export interface MazeSheetLayout {
  /** The attempt every line of the sheet records. */
  attempt: number;
  /** A box per checkpoint, in the rule set's order; none when the course has none. */
  checkpoints: { id: string; points: number }[];
  /** The time limit, printed in the header so a judge knows when to write "not finished". */
  timeLimitMs: number;
  /** What a touch costs, so the touches box says what it counts. */
  touchPenalty: MazeRuleSet['params']['touchPenalty'];
}

export function mazeSheetLayout(ruleSet: MazeRuleSet, round: number): Validated<MazeSheetLayout> {
  const { params } = ruleSet;
  if (!Number.isInteger(round) || round < 1 || round > params.attempts) {
    return fail([
      fieldError(
        'round',
        'scoring.maze.attemptOutOfRange',
        `attempt must be 1–${params.attempts}`,
        {
          max: params.attempts,
        },
      ),
    ]);
  }
  return ok({
    attempt: round,
    checkpoints: params.checkpoints.map(({ id, points }) => ({ id, points })),
    timeLimitMs: params.timeLimitMs,
    touchPenalty: params.touchPenalty,
  });
}

/** The sheet's lines: the teams in the order a round runs (by name, as `mazeAttemptQueue`), numbered. */
export function sheetRowsInRunningOrder(
  teams: readonly { teamId: string; teamName: string; school: string }[],
): ScoreSheetRow[] {
  return [...teams]
    .sort((a, b) => compareNames(a.teamName, b.teamName))
    .map((team, index) => ({ row: index + 1, ...team }));
}

/** One line as typed from the paper; lines left blank on the paper are not sent. */
export interface TypedMazeLine {
  row: number;
  outcome: 'finished' | 'not-finished';
  timeMs: number | null;
  touches: number;
  checkpoints: string[];
  /** The team did not come to the start ("no start" box). */
  noStart?: boolean;
}

export interface SheetEntry {
  id: string;
  teamId: string | null;
  kind: string;
  payload: Record<string, unknown>;
}

/**
 * The ledger entries of a typed maze sheet, each checked as the tablet checks an attempt
 * (`validateEntry`), with ids derived from the sheet: typing it again gives the same entries.
 * Any line refused refuses the sheet; errors name the line as `lines.{index}.{field}`.
 */
export function mazeSheetEntries(
  sheet: { code: string; round: number; rows: readonly ScoreSheetRow[] },
  ruleSet: MazeRuleSet,
  lines: readonly TypedMazeLine[],
): Validated<SheetEntry[]> {
  const errors: FieldError[] = [];
  const entries: SheetEntry[] = [];
  const seen = new Set<number>();
  lines.forEach((line, index) => {
    const at = `lines.${index}`;
    const row = sheet.rows.find((candidate) => candidate.row === line.row);
    if (!row) {
      errors.push(
        fieldError(`${at}.row`, 'scoreSheets.unknownRow', `the sheet has no line ${line.row}`, {
          row: line.row,
        }),
      );
      return;
    }
    if (seen.has(line.row)) {
      errors.push(
        fieldError(`${at}.row`, 'scoreSheets.rowTwice', `line ${line.row} is typed twice`, {
          row: line.row,
        }),
      );
      return;
    }
    seen.add(line.row);
    const payload: Partial<MazeAttemptPayload> = line.noStart
      ? { attempt: sheet.round, outcome: 'not-finished', endedBy: 'no-start' }
      : {
          attempt: sheet.round,
          outcome: line.outcome,
          // The time box of a line not finished holds the time to its last checkpoint.
          ...(line.outcome === 'not-finished' && line.checkpoints.length > 0
            ? { timeMs: null, lastCheckpointMs: line.timeMs }
            : { timeMs: line.timeMs }),
          touches: line.touches,
          checkpoints: line.checkpoints,
          timing: 'stopwatch',
        };
    const checked = validateEntry(ruleSet, { kind: MAZE_ATTEMPT, teamId: row.teamId, payload });
    if (!checked.ok) {
      for (const error of checked.errors) {
        errors.push({
          ...error,
          path: `${at}.${linePath(error.path)}`,
          params: { ...error.params, row: line.row },
        });
      }
      return;
    }
    entries.push({
      id: sheetEntryId(sheet.code, line.row, sheet.round),
      teamId: row.teamId,
      kind: MAZE_ATTEMPT,
      payload: checked.value.payload as Record<string, unknown>,
    });
  });
  return errors.length > 0 ? fail(errors) : ok(entries);
}

/** The typed line's field an entry's error is about: the time box holds a checkpoint time too. */
function linePath(entryPath: string): string {
  const field = entryPath.replace(/^payload\.?/, '');
  return field === 'lastCheckpointMs' ? 'timeMs' : field || 'row';
}
