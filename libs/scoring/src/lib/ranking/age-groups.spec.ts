import type { Standings, TeamRef } from '../ledger.types';
import { ageGroupOf, splitStandingsByAgeGroup } from './age-groups';

describe('age groups', () => {
  it('puts a team in the band of its oldest member', () => {
    expect(ageGroupOf([2, 4, 3])).toBe('3–4');
    expect(ageGroupOf([1])).toBe('1–2');
    expect(ageGroupOf([8])).toBeNull();
    expect(ageGroupOf([7], [{ label: '7+', minGrade: 7, maxGrade: 11 }])).toBe('7+');
  });

  it('splits one ranking into age groups with places renumbered and ties kept', () => {
    const row = (teamId: string, place: number | null, status: 'ranked' | 'dnf' = 'ranked') => ({
      teamId,
      place,
      status,
      primary: null,
      display: '',
      detail: {},
    });
    const standings: Standings = {
      rows: [row('a', 1), row('b', 2), row('c', 2), row('d', 4), row('e', null, 'dnf')],
    };
    const teams: TeamRef[] = ['a', 'b', 'c', 'd', 'e'].map((id, i) => ({
      id,
      name: id,
      status: 'active',
      ageGroup: i % 2 === 0 ? '1–2' : '3–4',
    }));
    const split = splitStandingsByAgeGroup(standings, teams);
    expect(split.get('1–2')?.rows.map((r) => [r.teamId, r.place])).toEqual([
      ['a', 1],
      ['c', 2],
      ['e', null],
    ]);
    expect(split.get('3–4')?.rows.map((r) => [r.teamId, r.place])).toEqual([
      ['b', 1],
      ['d', 2],
    ]);
    expect(standings.rows[2].place).toBe(2);
  });
});
