import type { StandingsSnapshot } from '@olympiad/contracts';
import type { StandingRow } from '@olympiad/scoring';
import { applyDelta, isNewer } from './standings-state';

const row = (
  teamId: string,
  place: number | null,
  display: string,
  status: StandingRow['status'] = 'ranked',
): StandingRow => ({
  teamId,
  place,
  status,
  primary: null,
  display,
  detail: {},
});

const snapshot: StandingsSnapshot = {
  categoryId: 'maze-34',
  version: 7,
  published: true,
  standings: {
    rows: [row('a', 1, '0:41.20'), row('b', 2, '0:55.02'), row('c', null, '', 'not-scored')],
  },
  teams: {
    a: { name: 'Ақбота', school: '№1' },
    b: { name: 'Бүркіт', school: '№2' },
    c: { name: 'Қыран', school: '№3' },
  },
};

describe('applyDelta', () => {
  it('applies the next version and reorders by place', () => {
    const outcome = applyDelta(snapshot, {
      categoryId: 'maze-34',
      version: 8,
      changed: [row('c', 1, '0:39.87'), row('a', 2, '0:41.20'), row('b', 3, '0:55.02')],
    });
    expect(outcome.kind).toBe('applied');
    if (outcome.kind !== 'applied') return;
    expect(outcome.standings.version).toBe(8);
    expect(outcome.standings.standings.rows.map((r) => r.teamId)).toEqual(['c', 'a', 'b']);
    expect(outcome.needsResync).toBe(false);
  });

  it('keeps rows the delta did not touch', () => {
    const outcome = applyDelta(snapshot, {
      categoryId: 'maze-34',
      version: 8,
      changed: [row('b', 2, '0:50.00')],
    });
    if (outcome.kind !== 'applied') throw new Error(outcome.kind);
    expect(outcome.standings.standings.rows.map((r) => `${r.teamId}:${r.display}`)).toEqual([
      'a:0:41.20',
      'b:0:50.00',
      'c:',
    ]);
  });

  it('does not change the snapshot it was given', () => {
    applyDelta(snapshot, { categoryId: 'maze-34', version: 8, changed: [row('c', 1, '0:39.87')] });
    expect(snapshot.version).toBe(7);
    expect(snapshot.standings.rows[2].status).toBe('not-scored');
  });

  it('ignores a delta already seen', () => {
    expect(
      applyDelta(snapshot, { categoryId: 'maze-34', version: 7, changed: [row('c', 1, 'x')] }),
    ).toEqual({ kind: 'stale' });
    expect(applyDelta(snapshot, { categoryId: 'maze-34', version: 3, changed: [] })).toEqual({
      kind: 'stale',
    });
  });

  it('reports a gap when a version was skipped', () => {
    expect(applyDelta(snapshot, { categoryId: 'maze-34', version: 9, changed: [] })).toEqual({
      kind: 'gap',
    });
  });

  it('applies a merged delta on any version it spans, and reports a gap before it', () => {
    const merged = {
      categoryId: 'maze-34',
      from: 6,
      version: 9,
      changed: [row('c', 1, '0:39.87')],
    };
    expect(applyDelta(snapshot, merged).kind).toBe('applied');
    expect(applyDelta(snapshot, { ...merged, from: 5 }).kind).toBe('applied');
    expect(applyDelta(snapshot, { ...merged, from: 8 })).toEqual({ kind: 'gap' });
  });

  it('ignores a delta of another category', () => {
    expect(applyDelta(snapshot, { categoryId: 'sumo-56', version: 8, changed: [] })).toEqual({
      kind: 'stale',
    });
  });

  it('adds a team it did not know and asks for its name', () => {
    const outcome = applyDelta(snapshot, {
      categoryId: 'maze-34',
      version: 8,
      changed: [row('d', 3, '1:02.00')],
    });
    if (outcome.kind !== 'applied') throw new Error(outcome.kind);
    expect(outcome.standings.standings.rows.map((r) => r.teamId)).toEqual(['a', 'b', 'd', 'c']);
    expect(outcome.needsResync).toBe(true);
  });
});

describe('isNewer', () => {
  it('takes a first snapshot and any same-or-newer one, not an older one', () => {
    expect(isNewer(undefined, snapshot)).toBe(true);
    expect(isNewer(snapshot, { ...snapshot, version: 7 })).toBe(true);
    expect(isNewer(snapshot, { ...snapshot, version: 6 })).toBe(false);
  });
});
