import { presetRuleSet } from '../rule-set/presets';
import type { SumoRuleSet } from '../sumo/sumo-rules';
import { sheetEntryId } from './sheet-code';
import { sumoSheetEntries, sumoSheetLayout, type SumoSheetRow } from './sumo-score-sheet';

const rules = presetRuleSet('sumo-default') as SumoRuleSet;
const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';
const C = '33333333-3333-4333-8333-333333333333';
const rows: SumoSheetRow[] = [
  { row: 1, matchId: 'G1-1', a: { teamId: A, name: 'Алпамыс' }, b: { teamId: B, name: 'Батыр' } },
  { row: 2, matchId: 'G1-2', a: { teamId: B, name: 'Батыр' }, b: { teamId: C, name: 'Көкжал' } },
];
const sheet = { code: 'ABCDEFGHJK', rows };

describe('sumo ring sheets', () => {
  it('have a box per round the rules allow', () => {
    expect(sumoSheetLayout(rules)).toEqual({
      maxRounds: rules.params.match.maxRounds,
      pointsToWin: rules.params.match.pointsToWin,
    });
  });

  it('type in one match entry per line, its id from the sheet and the line', () => {
    const typed = sumoSheetEntries(sheet, rules, [
      { row: 1, rounds: ['a', 'draw', 'a'], noShow: null },
      { row: 2, rounds: [], noShow: 'b' },
    ]);
    expect(typed.ok).toBe(true);
    if (!typed.ok) return;
    expect(typed.value).toEqual([
      {
        id: sheetEntryId('ABCDEFGHJK', 1, 0),
        teamId: null,
        kind: 'sumo.match',
        payload: {
          matchId: 'G1-1',
          a: A,
          b: B,
          events: [{ type: 'point', side: 'a' }, { type: 'draw' }, { type: 'point', side: 'a' }],
        },
      },
      {
        id: sheetEntryId('ABCDEFGHJK', 2, 0),
        teamId: null,
        kind: 'sumo.match',
        payload: { matchId: 'G1-2', a: B, b: C, events: [{ type: 'no-show', side: 'b' }] },
      },
    ]);
  });

  it('ends a match left level with the time running out', () => {
    const typed = sumoSheetEntries(sheet, rules, [
      { row: 1, rounds: ['a', 'b', 'draw'], noShow: null },
    ]);
    expect(typed.ok && typed.value[0].payload['events']).toEqual([
      { type: 'point', side: 'a' },
      { type: 'point', side: 'b' },
      { type: 'draw' },
      { type: 'time-up' },
    ]);
  });

  it('refuses rounds that cannot have happened, naming the line', () => {
    const max = rules.params.match.maxRounds;
    const typed = sumoSheetEntries(sheet, rules, [
      { row: 1, rounds: ['a', 'a', 'b'], noShow: null },
      { row: 2, rounds: Array.from({ length: max + 1 }, () => 'draw' as const), noShow: null },
      { row: 2, rounds: [], noShow: null },
      { row: 9, rounds: ['a'], noShow: null },
    ]);
    expect(typed.ok).toBe(false);
    if (typed.ok) return;
    expect(typed.errors.map((error) => [error.path, error.key])).toEqual([
      ['matches.0.rounds.2', 'scoreSheets.roundAfterWin'],
      ['matches.1.rounds', 'scoreSheets.tooManyRounds'],
      ['matches.2.row', 'scoreSheets.rowTwice'],
      ['matches.3.row', 'scoreSheets.unknownRow'],
    ]);
    const noRounds = sumoSheetEntries(sheet, rules, [{ row: 1, rounds: [], noShow: null }]);
    expect(!noRounds.ok && noRounds.errors[0].key).toBe('scoreSheets.noRounds');
    const both = sumoSheetEntries(sheet, rules, [{ row: 1, rounds: ['a'], noShow: 'a' }]);
    expect(!both.ok && both.errors[0].key).toBe('scoreSheets.roundsWithNoShow');
  });
});
