import { fail, fieldError, ok } from '../common/validated';
import type { FieldError, Validated } from '../ledger.types';
import { validateEntry } from '../ledger/validate-entry';
import { SUMO_MATCH, type SumoEvent } from '../sumo/sumo-entries';
import type { SumoRuleSet } from '../sumo/sumo-rules';
import type { SheetEntry } from './maze-score-sheet';
import { sheetEntryId } from './sheet-code';

/** A match's line on a ring's printed sheet, in the ring's running order; `row` is 1-based. */
export interface SumoSheetRow {
  row: number;
  matchId: string;
  a: { teamId: string; name: string };
  b: { teamId: string; name: string };
}

/** The boxes of a sumo sheet's line: one per round the rules allow. */
export interface SumoSheetLayout {
  maxRounds: number;
  pointsToWin: number;
}

export function sumoSheetLayout(ruleSet: SumoRuleSet): SumoSheetLayout {
  return {
    maxRounds: ruleSet.params.match.maxRounds,
    pointsToWin: ruleSet.params.match.pointsToWin,
  };
}

/** One match as typed from the paper: each round's winner (or a draw), or who did not come. */
export interface TypedSumoLine {
  row: number;
  rounds: ('a' | 'b' | 'draw')[];
  noShow: 'a' | 'b' | 'both' | null;
}

/**
 * The ledger entries of a typed ring sheet: one `sumo.match` per line, its id derived from the
 * sheet (attempt 0: a match is played once), refused when the rounds cannot have happened under
 * the rules (more rounds than allowed, a round after the match was won, a match left undecided).
 */
export function sumoSheetEntries(
  sheet: { code: string; rows: readonly SumoSheetRow[] },
  ruleSet: SumoRuleSet,
  lines: readonly TypedSumoLine[],
): Validated<SheetEntry[]> {
  const { maxRounds, pointsToWin } = sumoSheetLayout(ruleSet);
  const errors: FieldError[] = [];
  const entries: SheetEntry[] = [];
  const seen = new Set<number>();
  lines.forEach((line, index) => {
    const at = `matches.${index}`;
    const row = sheet.rows.find((candidate) => candidate.row === line.row);
    const refuse = (
      path: string,
      key: string,
      message: string,
      params: Record<string, number> = {},
    ): void => {
      errors.push(fieldError(`${at}.${path}`, key, message, { row: line.row, ...params }));
    };
    if (!row) return refuse('row', 'scoreSheets.unknownRow', `the sheet has no line ${line.row}`);
    if (seen.has(line.row))
      return refuse('row', 'scoreSheets.rowTwice', `line ${line.row} is typed twice`);
    seen.add(line.row);
    let events: SumoEvent[];
    if (line.noShow) {
      if (line.rounds.length > 0) {
        return refuse('rounds', 'scoreSheets.roundsWithNoShow', 'a match not played has no rounds');
      }
      events = [{ type: 'no-show', side: line.noShow }];
    } else {
      if (line.rounds.length === 0) {
        return refuse('rounds', 'scoreSheets.noRounds', 'mark each round, or who did not come');
      }
      if (line.rounds.length > maxRounds) {
        return refuse('rounds', 'scoreSheets.tooManyRounds', `at most ${maxRounds} rounds`, {
          max: maxRounds,
        });
      }
      const points = { a: 0, b: 0 };
      for (const [round, winner] of line.rounds.entries()) {
        if (points.a >= pointsToWin || points.b >= pointsToWin) {
          return refuse(
            `rounds.${round}`,
            'scoreSheets.roundAfterWin',
            'the match was already won',
            {
              points: pointsToWin,
            },
          );
        }
        if (winner !== 'draw') points[winner] += 1;
      }
      events = line.rounds.map((winner): SumoEvent =>
        winner === 'draw' ? { type: 'draw' } : { type: 'point', side: winner },
      );
      if (points.a < pointsToWin && points.b < pointsToWin) events.push({ type: 'time-up' });
    }
    const payload = { matchId: row.matchId, a: row.a.teamId, b: row.b.teamId, events };
    const checked = validateEntry(ruleSet, { kind: SUMO_MATCH, teamId: null, payload });
    if (!checked.ok) {
      for (const error of checked.errors) {
        errors.push({ ...error, path: `${at}.rounds`, params: { ...error.params, row: line.row } });
      }
      return;
    }
    entries.push({
      id: sheetEntryId(sheet.code, line.row, 0),
      teamId: null,
      kind: SUMO_MATCH,
      payload: checked.value.payload as Record<string, unknown>,
    });
  });
  return errors.length > 0 ? fail(errors) : ok(entries);
}
