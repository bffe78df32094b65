import type { StandingsSnapshot } from '@olympiad/contracts';
import type { StandingRow } from '@olympiad/scoring';
import { podiumInRevealOrder } from './podium';

const row = (
  teamId: string,
  place: number | null,
  status: StandingRow['status'] = 'ranked',
): StandingRow => ({
  teamId,
  place,
  status,
  primary: null,
  display: `r-${teamId}`,
  detail: {},
});
const snapshot = (rows: StandingRow[]): StandingsSnapshot => ({
  categoryId: 'c',
  version: 1,
  published: false,
  standings: { rows },
  teams: Object.fromEntries(
    rows.map((r) => [r.teamId, { name: `Team ${r.teamId}`, school: 'School' }]),
  ),
});

describe('podiumInRevealOrder', () => {
  it('gives 3rd, 2nd, 1st', () => {
    const steps = podiumInRevealOrder(
      snapshot([row('a', 1), row('b', 2), row('c', 3), row('d', 4)]),
      3,
    );
    expect(steps.map((s) => [s.place, s.teams.map((t) => t.teamId)])).toEqual([
      [3, ['c']],
      [2, ['b']],
      [1, ['a']],
    ]);
  });

  it('reveals a shared place together and skips the place it swallows', () => {
    const steps = podiumInRevealOrder(
      snapshot([row('a', 1), row('b', 2), row('c', 2), row('d', 4)]),
      3,
    );
    expect(steps.map((s) => [s.place, s.teams.map((t) => t.teamId)])).toEqual([
      [2, ['b', 'c']],
      [1, ['a']],
    ]);
  });

  it('writes the podium times alike, in the finest precision of the category (0:41.000 beside 0:56.838)', () => {
    const timed = (
      teamId: string,
      place: number,
      ms: number,
      precision: 'ms' | 'cs',
      display: string,
    ): StandingRow => ({
      ...row(teamId, place),
      primary: ms,
      display,
      timePrecision: precision,
    });
    const steps = podiumInRevealOrder(
      snapshot([
        timed('a', 1, 41_000, 'cs', '0:41.00'),
        timed('b', 2, 56_838, 'ms', '0:56.838'),
        timed('c', 3, 63_450, 'cs', '1:03.45'),
      ]),
      3,
    );
    expect(steps.map((s) => s.teams[0].display)).toEqual(['1:03.450', '0:56.838', '0:41.000']);
  });

  it('leaves out teams that are not ranked', () => {
    const steps = podiumInRevealOrder(
      snapshot([row('a', 1), row('x', null, 'not-scored'), row('y', null, 'absent')]),
      3,
    );
    expect(steps.map((s) => s.place)).toEqual([1]);
  });
});
