import { roundRobinSchedule } from './round-robin';

describe('round-robin schedule', () => {
  it.each([2, 3, 4, 5, 6, 7, 8, 16])(
    'meets every pair once with %i teams, nobody twice in a round',
    (n) => {
      const teams = Array.from({ length: n }, (_, i) => `t${i}`);
      const schedule = roundRobinSchedule('A', teams);
      expect(schedule).toHaveLength((n * (n - 1)) / 2);
      const pairs = new Set(schedule.map((m) => [m.a, m.b].sort().join('|')));
      expect(pairs.size).toBe(schedule.length);
      const rounds = n % 2 === 0 ? n - 1 : n;
      expect(Math.max(...schedule.map((m) => m.round))).toBe(rounds);
      for (let round = 1; round <= rounds; round++) {
        const playing = schedule.filter((m) => m.round === round).flatMap((m) => [m.a, m.b]);
        expect(new Set(playing).size).toBe(playing.length);
      }
      expect(schedule.map((m) => m.id)).toEqual(schedule.map((_, i) => `A-${i + 1}`));
    },
  );

  it('gives the documented order for three teams (one rests each round)', () => {
    expect(roundRobinSchedule('A', ['x', 'y', 'z']).map((m) => `${m.id}:${m.a}-${m.b}`)).toEqual([
      'A-1:y-z',
      'A-2:z-x',
      'A-3:x-y',
    ]);
  });
});
