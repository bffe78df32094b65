import type { StandingRow } from '@olympiad/scoring';
import { changedRows, fromStandingEntities, toStandingEntity } from './standing-rows';

const row = (teamId: string, place: number | null, primary: number | null): StandingRow => ({
  teamId,
  place,
  status: place === null ? 'not-scored' : 'ranked',
  primary,
  display: primary === null ? '' : String(primary),
  detail: {},
});

describe('standing rows', () => {
  it('report only the rows whose result or position changed', () => {
    const before = { rows: [row('a', 1, 100), row('b', 2, 200), row('c', null, null)] };
    const after = { rows: [row('c', 1, 50), row('a', 2, 100), row('b', 3, 200)] };
    expect(changedRows(before, after).map((change) => change.row.teamId)).toEqual(['c', 'a', 'b']);
    expect(changedRows(after, after)).toEqual([]);
  });

  it('round-trip through the table in position order', () => {
    const standings = { rows: [row('x', 1, 10), row('y', 2, 20)] };
    const stored = standings.rows.map((r, i) => toStandingEntity('cat', r, i)).reverse();
    expect(fromStandingEntities(stored)).toEqual(standings);
  });

  it('keep the precision of a time, so a stored row equals the computed one', () => {
    const timed: StandingRow = { ...row('x', 1, 41_000), display: '0:41.00', timePrecision: 'cs' };
    const back = fromStandingEntities([toStandingEntity('cat', timed, 0)]);
    expect(back.rows[0]).toEqual(timed);
    expect(changedRows(back, { rows: [timed] })).toEqual([]);
  });

  it('keep the result awaiting the judge, so a stored row equals the computed one', () => {
    const waiting: StandingRow = {
      ...row('x', null, null),
      unconfirmed: { primary: 107_981, display: '1:47.981', timePrecision: 'ms' },
    };
    const back = fromStandingEntities([toStandingEntity('cat', waiting, 0)]);
    expect(back.rows[0]).toEqual(waiting);
    expect(JSON.stringify(back.rows[0])).toBe(JSON.stringify(waiting));
  });

  it('keep a provisional place, so a stored sumo row equals the computed one', () => {
    const provisional: StandingRow = { ...row('x', 1, 2), display: '6 (2-0-0)', provisional: true };
    const back = fromStandingEntities([toStandingEntity('cat', provisional, 0)]);
    expect(JSON.stringify(back.rows[0])).toBe(JSON.stringify(provisional));
    expect(changedRows(back, { rows: [provisional] })).toEqual([]);
    const final = fromStandingEntities([toStandingEntity('cat', row('x', 1, 2), 0)]);
    expect(final.rows[0]).not.toHaveProperty('provisional');
  });
});
