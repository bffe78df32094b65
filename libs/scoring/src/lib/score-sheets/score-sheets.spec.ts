import { z } from 'zod';
import type { MazeRuleSet } from '../maze/maze-rules';
import { presetRuleSet } from '../rule-set/presets';
import {
  mazeSheetEntries,
  mazeSheetLayout,
  sheetRowsInRunningOrder,
  type ScoreSheetRow,
} from './maze-score-sheet';
import { normaliseSheetCode, printedSheetCode, sheetCodeFrom, sheetEntryId } from './sheet-code';

const checkpoints = presetRuleSet('maze-checkpoints') as MazeRuleSet;
const plain = presetRuleSet('maze-default') as MazeRuleSet;
const T1 = '11111111-1111-4111-8111-111111111111';
const T2 = '22222222-2222-4222-8222-222222222222';

describe('sheet codes', () => {
  it('are ten base-32 characters read back whatever the case, dashes or O/I/L', () => {
    const code = sheetCodeFrom(new Uint8Array([1, 2, 3, 4, 5, 6, 7]));
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);
    expect(normaliseSheetCode(printedSheetCode(code).toLowerCase())).toBe(code);
    expect(normaliseSheetCode('oooo0-iiiil')).toBe('00000-11111'.replace('-', ''));
    expect(normaliseSheetCode('ABCDE-FGHJ')).toBeNull();
    expect(normaliseSheetCode('ABCDE-FGHJU')).toBeNull();
  });

  it('derive one UUID per sheet, row and attempt, the same every time', () => {
    const uuid = z.string().uuid();
    const a = sheetEntryId('ABCDEFGHJK', 1, 2);
    expect(uuid.safeParse(a).success).toBe(true);
    expect(sheetEntryId('abcde-fghjk', 1, 2)).toBe(a);
    const others = [
      sheetEntryId('ABCDEFGHJM', 1, 2),
      sheetEntryId('ABCDEFGHJK', 2, 2),
      sheetEntryId('ABCDEFGHJK', 1, 3),
      sheetEntryId('BBCDEFGHJK', 1, 2),
    ];
    expect(new Set([a, ...others]).size).toBe(5);
    expect(() => sheetEntryId('nope', 1, 1)).toThrow(RangeError);
  });
});

describe('maze sheet layout', () => {
  it('has a box per checkpoint of the rules and the round as its attempt', () => {
    const layout = mazeSheetLayout(checkpoints, 2);
    expect(layout.ok && layout.value).toEqual({
      attempt: 2,
      checkpoints: [
        { id: 'cp1', points: 10 },
        { id: 'cp2', points: 20 },
        { id: 'cp3', points: 30 },
      ],
      timeLimitMs: checkpoints.params.timeLimitMs,
      touchPenalty: { mode: 'points', points: 5 },
    });
    expect(mazeSheetLayout(plain, 1).ok && mazeSheetLayout(plain, 1)).toMatchObject({
      value: { checkpoints: [] },
    });
  });

  it('refuses a round the rules do not have', () => {
    const layout = mazeSheetLayout(plain, plain.params.attempts + 1);
    expect(layout.ok).toBe(false);
    expect(!layout.ok && layout.errors[0].key).toBe('scoring.maze.attemptOutOfRange');
  });

  it('numbers the teams in the order a round runs (by name)', () => {
    const rows = sheetRowsInRunningOrder([
      { teamId: T2, teamName: 'Қыран', school: 'S2' },
      { teamId: T1, teamName: 'Арлан', school: 'S1' },
    ]);
    expect(rows.map((row) => [row.row, row.teamName])).toEqual([
      [1, 'Арлан'],
      [2, 'Қыран'],
    ]);
  });
});

describe('typing a maze sheet in', () => {
  const rows: ScoreSheetRow[] = [
    { row: 1, teamId: T1, teamName: 'Арлан', school: 'S1' },
    { row: 2, teamId: T2, teamName: 'Қыран', school: 'S2' },
  ];
  const sheet = { code: 'ABCDEFGHJK', round: 2, rows };

  it('makes one entry per typed line with the ids derived from the sheet', () => {
    const typed = mazeSheetEntries(sheet, checkpoints, [
      {
        row: 1,
        outcome: 'finished',
        timeMs: 61_230,
        touches: 1,
        checkpoints: ['cp1', 'cp2', 'cp3'],
      },
      { row: 2, outcome: 'not-finished', timeMs: 30_000, touches: 0, checkpoints: ['cp1'] },
    ]);
    expect(typed.ok).toBe(true);
    if (!typed.ok) return;
    expect(typed.value.map((entry) => [entry.id, entry.teamId])).toEqual([
      [sheetEntryId('ABCDEFGHJK', 1, 2), T1],
      [sheetEntryId('ABCDEFGHJK', 2, 2), T2],
    ]);
    expect(typed.value[0].payload).toMatchObject({
      attempt: 2,
      outcome: 'finished',
      timeMs: 61_230,
      touches: 1,
    });
    expect(typed.value[1].payload).toMatchObject({ timeMs: null, lastCheckpointMs: 30_000 });
    const again = mazeSheetEntries(sheet, checkpoints, [
      {
        row: 1,
        outcome: 'finished',
        timeMs: 61_230,
        touches: 1,
        checkpoints: ['cp1', 'cp2', 'cp3'],
      },
    ]);
    expect(again.ok && again.value[0].id).toBe(typed.value[0].id);
  });

  it('records "no start" as a not-finished attempt ended by no start', () => {
    const typed = mazeSheetEntries(sheet, plain, [
      { row: 2, outcome: 'finished', timeMs: 5_000, touches: 3, checkpoints: [], noStart: true },
    ]);
    expect(typed.ok && typed.value[0].payload).toMatchObject({
      outcome: 'not-finished',
      timeMs: null,
      touches: 0,
      endedBy: 'no-start',
    });
  });

  it('refuses impossible lines as the tablet does, naming the line', () => {
    const typed = mazeSheetEntries(sheet, plain, [
      {
        row: 1,
        outcome: 'finished',
        timeMs: plain.params.timeLimitMs + 1,
        touches: 0,
        checkpoints: [],
      },
      { row: 2, outcome: 'finished', timeMs: null, touches: 0, checkpoints: [] },
      { row: 3, outcome: 'finished', timeMs: 1_000, touches: 0, checkpoints: [] },
      { row: 1, outcome: 'finished', timeMs: 1_000, touches: 0, checkpoints: [] },
    ]);
    expect(typed.ok).toBe(false);
    if (typed.ok) return;
    expect(typed.errors.map((error) => [error.path, error.key])).toEqual([
      ['lines.0.timeMs', 'scoring.maze.overTimeLimit'],
      ['lines.1.timeMs', 'scoring.maze.finishTimeRequired'],
      ['lines.2.row', 'scoreSheets.unknownRow'],
      ['lines.3.row', 'scoreSheets.rowTwice'],
    ]);
    expect(typed.errors[0].params).toMatchObject({ row: 1 });
  });
});
