import type { TeamRef } from '../ledger.types';
import { presetRuleSet } from '../rule-set/presets';
import { meetingRound } from './bracket-positions';
import { drawSumo, playoffSlots } from './seeding';
import type { SumoRuleSet } from './sumo-rules';

function team(id: string, schoolId: string, regionCode = 'KZ-AKM'): TeamRef {
  return { id, name: id, schoolId, regionCode, status: 'active' };
}

function ruleSet(
  format: SumoRuleSet['params']['tournament']['format'],
  seeding: 'random' | 'separate' = 'separate',
): SumoRuleSet {
  const r = presetRuleSet('sumo-default') as SumoRuleSet;
  r.params.tournament.format = format;
  r.params.tournament.seeding = seeding;
  return r;
}

describe('drawSumo', () => {
  const teams = [
    team('a1', 'A'),
    team('a2', 'A'),
    team('a3', 'A'),
    team('a4', 'A'),
    team('b1', 'B'),
    team('b2', 'B'),
    team('c1', 'C', 'KZ-ALA'),
    team('c2', 'C', 'KZ-ALA'),
  ];

  it('is repeatable with the same seed and differs with another', () => {
    const r = ruleSet('single-elimination');
    expect(drawSumo(r, teams, 42)).toEqual(drawSumo(r, teams, 42));
    const draws = new Set(
      [1, 2, 3, 4, 5].map((seed) => JSON.stringify(drawSumo(r, teams, seed).bracket)),
    );
    expect(draws.size).toBeGreaterThan(1);
  });

  it.each([1, 2, 3, 4, 5, 6, 7, 8])(
    'keeps four teams of one school in different quarters of an 8-bracket (seed %i)',
    (seed) => {
      const { bracket } = drawSumo(ruleSet('single-elimination'), teams, seed);
      const slots = ['a1', 'a2', 'a3', 'a4'].map((id) => bracket.indexOf(id));
      for (const x of slots)
        for (const y of slots) if (x !== y) expect(meetingRound(x, y)).toBeGreaterThanOrEqual(2);
      for (const [x, y] of [
        ['b1', 'b2'],
        ['c1', 'c2'],
      ])
        expect(meetingRound(bracket.indexOf(x), bracket.indexOf(y))).toBeGreaterThanOrEqual(2);
    },
  );

  it('gives byes to the top seed lines when the count is odd', () => {
    const { bracket } = drawSumo(ruleSet('single-elimination'), teams.slice(0, 5), 3);
    expect(bracket).toHaveLength(8);
    expect(bracket.filter((t) => t === null)).toHaveLength(3);
    for (let i = 0; i < 8; i += 2)
      expect(bracket[i] === null && bracket[i + 1] === null).toBe(false);
    expect(bracket.filter((t) => t !== null).sort()).toEqual(['a1', 'a2', 'a3', 'a4', 'b1']);
  });

  it('splits into balanced groups that keep schools apart', () => {
    const { groups } = drawSumo(
      ruleSet('groups-playoff'),
      [...teams, team('d1', 'D'), team('d2', 'D')],
      9,
    );
    expect(groups.map((g) => g.length)).toEqual([5, 5]);
    for (const group of groups) {
      const schools = group.map((id) => id[0]);
      expect(schools.filter((s) => s === 'a')).toHaveLength(2);
      for (const school of ['b', 'c', 'd'])
        expect(schools.filter((s) => s === school)).toHaveLength(1);
    }
    const eleven = drawSumo(
      ruleSet('groups-playoff'),
      [...teams, team('d1', 'D'), team('d2', 'D'), team('e1', 'E')],
      9,
    ).groups;
    expect(eleven.map((g) => g.length)).toEqual([4, 4, 3]);
  });

  it('leaves out teams that are not active', () => {
    const { bracket } = drawSumo(
      ruleSet('double-elimination'),
      [team('x', 'X'), { ...team('y', 'Y'), status: 'absent' }, team('z', 'Z')],
      1,
    );
    expect(bracket.filter((t) => t !== null).sort()).toEqual(['x', 'z']);
  });
});

describe('playoffSlots', () => {
  it('crosses group winners with runners-up of another group', () => {
    const slots = playoffSlots([
      [
        { teamId: 'A1', group: 0 },
        { teamId: 'B1', group: 1 },
        { teamId: 'C1', group: 2 },
        { teamId: 'D1', group: 3 },
      ],
      [
        { teamId: 'A2', group: 0 },
        { teamId: 'B2', group: 1 },
        { teamId: 'C2', group: 2 },
        { teamId: 'D2', group: 3 },
      ],
    ]);
    const pairs = [0, 2, 4, 6].map((i) => `${slots[i]}-${slots[i + 1]}`);
    expect(pairs).toEqual(['A1-B2', 'D1-C2', 'B1-A2', 'C1-D2']);
  });
});
