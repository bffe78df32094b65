import type { TypedSheetLine, TypedSheetMatch } from '@olympiad/contracts';
import type { MessageKey } from '@olympiad/i18n';
import { normaliseSheetCode, parseResultTime } from '@olympiad/scoring';

/** How a line of the paper sheet ended, as the judge marked it; `blank` lines are not sent. */
export type LineOutcome = 'blank' | 'finished' | 'not-finished' | 'no-start';

export interface LineDraft {
  outcome: LineOutcome;
  time: string;
  touches: string;
  checkpoints: string[];
}

export const emptyLine = (): LineDraft => ({
  outcome: 'blank',
  time: '',
  touches: '',
  checkpoints: [],
});

export interface DraftProblems {
  time?: MessageKey;
  touches?: MessageKey;
}

/**
 * The typed lines to send, or what is wrong with the boxes as written (a time that is not a time,
 * touches that are not a count). The rules' own checks (over the time limit …) are the server's,
 * which answers them by line.
 */
export function linesOfDraft(drafts: ReadonlyMap<number, LineDraft>): {
  lines: TypedSheetLine[];
  problems: Map<number, DraftProblems>;
} {
  const lines: TypedSheetLine[] = [];
  const problems = new Map<number, DraftProblems>();
  for (const [row, draft] of [...drafts].sort(([a], [b]) => a - b)) {
    if (draft.outcome === 'blank') continue;
    if (draft.outcome === 'no-start') {
      lines.push({
        row,
        outcome: 'not-finished',
        timeMs: null,
        touches: 0,
        checkpoints: [],
        noStart: true,
      });
      continue;
    }
    const found: DraftProblems = {};
    const timeMs = draft.time.trim() === '' ? null : parseResultTime(draft.time);
    if (draft.time.trim() !== '' && timeMs === null) found.time = 'judge.sheet.badTime';
    const touches = draft.touches.trim() === '' ? 0 : Number(draft.touches);
    if (!Number.isInteger(touches) || touches < 0) found.touches = 'judge.sheet.badTouches';
    if (found.time || found.touches) {
      problems.set(row, found);
      continue;
    }
    lines.push({ row, outcome: draft.outcome, timeMs, touches, checkpoints: draft.checkpoints });
  }
  return { lines, problems };
}

/** The sheet code in what the camera read (the QR's `olympiad-sheet:CODE?…`) or in what was typed. */
export function sheetCodeIn(text: string): string | null {
  const named = /^olympiad-sheet:([0-9A-Za-z]{10})(?:\?|$)/.exec(text.trim());
  return normaliseSheetCode(named ? named[1] : text);
}

/** A ring sheet's line as marked: each round's box (null: not played) and who did not come. */
export interface MatchDraft {
  rounds: ('a' | 'b' | 'draw' | null)[];
  noShow: 'none' | 'a' | 'b' | 'both';
}

export const emptyMatch = (rounds: number): MatchDraft => ({
  rounds: Array.from({ length: rounds }, () => null),
  noShow: 'none',
});

/** The typed matches to send: a line with no round marked and everyone there is left out. */
export function matchesOfDraft(drafts: ReadonlyMap<number, MatchDraft>): TypedSheetMatch[] {
  const matches: TypedSheetMatch[] = [];
  for (const [row, draft] of [...drafts].sort(([a], [b]) => a - b)) {
    const rounds = draft.rounds.filter((round): round is 'a' | 'b' | 'draw' => round !== null);
    if (draft.noShow === 'none' && rounds.length === 0) continue;
    matches.push({ row, rounds, noShow: draft.noShow === 'none' ? null : draft.noShow });
  }
  return matches;
}
