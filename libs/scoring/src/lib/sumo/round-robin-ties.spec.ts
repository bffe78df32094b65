import { validateRuleSet } from '../rule-set/build-rule-set';
import { presetRuleSet } from '../rule-set/presets';
import type { SumoRuleSet } from '../rule-set/rule-set';
import type { ResolvedMatch } from './bracket-resolve';
import { groupTable } from './group-table';
import type { MatchHow } from './match-state';
import {
  roundRobinTiesOf,
  SUMO_DEFAULT_PARAMS,
  type SumoRoundRobinTies,
  type SumoTournamentRules,
} from './sumo-rules';

/**
 * Scenario fixture for `roundRobinTies` (docs/rules.md#a-tie-of-three-or-more-in-a-group-roundrobinties): a group of four, 2 points win a
 * match, win 3 / draw 1 / loss 0, tie-breaks head-to-head, rounds won, rounds lost, decision.
 *
 *   Daulet beats Bars 2:0 and Sunkar 2:1         → 6 points
 *   Aibar beats Daulet 2:1, loses to Sunkar 0:2, and Aibar–Bars is a double no-show (both lose)
 *   Bars beats Sunkar 2:1
 *   → Aibar, Bars and Sunkar have 3 points each.
 *
 * Head-to-head among the three: Aibar 0 (lost to Sunkar, no-show against Bars), Bars 3 (beat
 * Sunkar), Sunkar 3 (beat Aibar): Aibar is 4th, Bars and Sunkar are still level.
 * Rounds won in all group matches: Bars 2, Sunkar 4.
 *
 * - 'head-to-head-once': the pair goes on down the list, so rounds won put Sunkar 2nd, Bars 3rd,
 *   although Bars beat Sunkar.
 * - 'head-to-head-reapplied': head-to-head again between just Bars and Sunkar: Bars 2nd, Sunkar 3rd.
 */
function match(
  id: string,
  a: string,
  b: string,
  [pa, pb]: [number, number],
  how: MatchHow = 'points',
): ResolvedMatch {
  const winner = how === 'double-no-show' ? null : pa > pb ? a : b;
  const loser = winner === null ? null : winner === a ? b : a;
  return {
    id,
    stage: 'group',
    round: 1,
    a,
    b,
    status: 'finished',
    outcome: { winner, loser, how },
    live: {
      phase: 'finished',
      points: { a: pa, b: pb },
      warnings: { a: 0, b: 0 },
      rounds: pa + pb,
      nullStarts: 0,
      result: null,
    },
  };
}

const TEAMS = ['aibar', 'bars', 'daulet', 'sunkar'];
const MATCHES = [
  match('A-1', 'daulet', 'bars', [2, 0]),
  match('A-2', 'daulet', 'sunkar', [2, 1]),
  match('A-3', 'aibar', 'daulet', [2, 1]),
  match('A-4', 'bars', 'sunkar', [2, 1]),
  match('A-5', 'sunkar', 'aibar', [2, 0]),
  match('A-6', 'aibar', 'bars', [0, 0], 'double-no-show'),
];

function places(rules: SumoTournamentRules) {
  const table = groupTable(rules, 2, TEAMS, MATCHES, [], (x, y) => x.localeCompare(y));
  return table.rows.map((row) => [row.teamId, row.points, row.place]);
}
const rulesWith = (roundRobinTies: SumoRoundRobinTies): SumoTournamentRules => ({
  ...SUMO_DEFAULT_PARAMS.tournament,
  roundRobinTies,
});

describe('sumo round robin: head-to-head that separates some of the level teams (roundRobinTies)', () => {
  it("'head-to-head-once': the teams still level go on to rounds won", () => {
    expect(places(rulesWith('head-to-head-once'))).toEqual([
      ['daulet', 6, 1],
      ['sunkar', 3, 2],
      ['bars', 3, 3],
      ['aibar', 3, 4],
    ]);
  });

  it("'head-to-head-reapplied' (the preset default): the match between the two still level decides", () => {
    expect(SUMO_DEFAULT_PARAMS.tournament.roundRobinTies).toBe('head-to-head-reapplied');
    expect(places(rulesWith('head-to-head-reapplied'))).toEqual([
      ['daulet', 6, 1],
      ['bars', 3, 2],
      ['sunkar', 3, 3],
      ['aibar', 3, 4],
    ]);
  });

  it('gives the same places either way when head-to-head separates nobody', () => {
    // Aibar beat Bars instead of the no-show: all three have 3 points among themselves too.
    const circle = MATCHES.map((m) => (m.id === 'A-6' ? match('A-6', 'aibar', 'bars', [2, 1]) : m));
    const table = (ties: SumoRoundRobinTies) =>
      groupTable(rulesWith(ties), 2, TEAMS, circle, [], (x, y) => x.localeCompare(y)).rows.map(
        (row) => [row.teamId, row.place],
      );
    expect(table('head-to-head-reapplied')).toEqual(table('head-to-head-once'));
  });

  it('reads a rule set stored before the option existed as the behaviour it had (once)', () => {
    const stored = presetRuleSet('sumo-default') as SumoRuleSet;
    const { roundRobinTies: _dropped, ...legacy } = stored.params.tournament;
    const read = validateRuleSet({ ...stored, params: { ...stored.params, tournament: legacy } });
    expect(
      read.ok && read.value.discipline === 'sumo' && read.value.params.tournament,
    ).toMatchObject({ roundRobinTies: 'head-to-head-once' });
    expect(roundRobinTiesOf(legacy as SumoTournamentRules)).toBe('head-to-head-once');
    expect(places(legacy as SumoTournamentRules)).toEqual(places(rulesWith('head-to-head-once')));
  });
});
