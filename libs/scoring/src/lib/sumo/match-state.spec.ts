import { SUMO_DEFAULT_PARAMS, type SumoMatchRules } from './sumo-rules';
import type { SumoEvent } from './sumo-entries';
import { playMatch } from './match-state';

const rules = SUMO_DEFAULT_PARAMS.match;
const point = (side: 'a' | 'b'): SumoEvent => ({ type: 'point', side });
const warning = (side: 'a' | 'b'): SumoEvent => ({ type: 'warning', side });
const draw: SumoEvent = { type: 'draw' };
const timeUp: SumoEvent = { type: 'time-up' };

describe('sumo match state machine', () => {
  it('ends at two points, and refuses events after the end', () => {
    const { state, rejected } = playMatch(rules, 'extension', [
      point('a'),
      point('b'),
      point('a'),
      point('b'),
    ]);
    expect(state.result).toEqual({ winner: 'a', how: 'points' });
    expect(rejected).toEqual({ index: 3, reason: 'the match is already over' });
  });

  it('plays 3 of 5 when configured', () => {
    const best5: SumoMatchRules = { ...rules, pointsToWin: 3, maxRounds: 5 };
    const after4 = playMatch(best5, 'extension', [
      point('a'),
      point('a'),
      point('b'),
      point('b'),
    ]).state;
    expect(after4.phase).toBe('regulation');
    expect(
      playMatch(best5, 'extension', [point('a'), point('a'), point('b'), point('b'), point('b')])
        .state.result,
    ).toEqual({
      winner: 'b',
      how: 'points',
    });
  });

  it('ends regulation after the last round: the leader wins, a level group match is a draw', () => {
    expect(playMatch(rules, 'extension', [point('a'), draw, draw]).state.result).toEqual({
      winner: 'a',
      how: 'lead',
    });
    expect(playMatch(rules, 'draw', [point('a'), point('b'), draw]).state.result).toEqual({
      winner: null,
      how: 'draw',
    });
    expect(playMatch(rules, 'extension', [point('a'), point('b'), draw]).state.phase).toBe(
      'extension',
    );
  });

  it('goes straight to the decision when the extension round is switched off', () => {
    const noExtension: SumoMatchRules = {
      ...rules,
      extension: { ...rules.extension, enabled: false },
    };
    expect(playMatch(noExtension, 'extension', [timeUp]).state.phase).toBe('decision');
    expect(
      playMatch(noExtension, 'extension', [timeUp, { type: 'decision', side: 'b' }]).state.result,
    ).toEqual({ winner: 'b', how: 'decision' });
  });

  it('refuses a decision before it is due', () => {
    expect(playMatch(rules, 'extension', [{ type: 'decision', side: 'a' }]).rejected?.index).toBe(
      0,
    );
  });

  it('treats time-up as the end of a round under per-round timing', () => {
    const perRound: SumoMatchRules = { ...rules, timing: 'per-round' };
    const state = playMatch(perRound, 'extension', [timeUp, point('a')]).state;
    expect(state).toMatchObject({ phase: 'regulation', rounds: 2, points: { a: 1, b: 0 } });
  });

  it('gives a point to the opponent every N warnings (configurable)', () => {
    expect(playMatch(rules, 'extension', [warning('a')]).state.points).toEqual({ a: 0, b: 0 });
    expect(playMatch(rules, 'extension', [warning('a'), warning('a')]).state.points).toEqual({
      a: 0,
      b: 1,
    });
    const strict: SumoMatchRules = { ...rules, warningsPerPoint: 1 };
    expect(playMatch(strict, 'extension', [warning('b'), warning('b')]).state.result).toEqual({
      winner: 'a',
      how: 'points',
    });
  });

  it('wins the extension with a warning point', () => {
    const state = playMatch(rules, 'extension', [timeUp, warning('b'), warning('b')]).state;
    expect(state.result).toEqual({ winner: 'a', how: 'extension' });
  });

  it('settles no-shows and disqualifications at once', () => {
    expect(playMatch(rules, 'extension', [{ type: 'no-show', side: 'both' }]).state.result).toEqual(
      { winner: null, how: 'double-no-show' },
    );
    expect(
      playMatch(rules, 'extension', [timeUp, draw, { type: 'disqualification', side: 'b' }]).state
        .result,
    ).toEqual({
      winner: 'a',
      how: 'disqualification',
    });
  });
});
