import { computeStandings } from '../lib/standings/compute-standings';
import {
  applyEntry,
  createStandingsState,
  standingsOf,
  standingsStateFrom,
} from '../lib/standings/standings-state';
import { ALL_CASE_KINDS, randomCase } from './random-ledger';

const SEEDS = Array.from({ length: 25 }, (_, i) => 1_000 + i * 7919);

describe.each(ALL_CASE_KINDS)('incremental standings equal a full recompute (%s)', (kind) => {
  it.each(SEEDS)('after every entry, seed %i', (seed) => {
    const { ruleSet, teams, entries } = randomCase(kind, seed);
    let state = createStandingsState(ruleSet, teams);
    for (let i = 0; i < entries.length; i++) {
      state = applyEntry(state, entries[i]);
      expect(standingsOf(state)).toEqual(computeStandings(ruleSet, teams, entries.slice(0, i + 1)));
    }
    expect(standingsOf(standingsStateFrom(ruleSet, teams, entries))).toEqual(
      computeStandings(ruleSet, teams, entries),
    );
  });
});

describe('incremental standings keep older states intact', () => {
  it.each(SEEDS.slice(0, 8))(
    'branching from an older state gives what a full recompute gives, seed %i',
    (seed) => {
      const { ruleSet, teams, entries } = randomCase('maze', seed);
      const half = Math.floor(entries.length / 2);
      let state = createStandingsState(ruleSet, teams);
      for (const entry of entries.slice(0, half)) state = applyEntry(state, entry);
      const before = JSON.stringify(standingsOf(state));
      let newest = state;
      for (const entry of entries.slice(half)) newest = applyEntry(newest, entry);
      expect(JSON.stringify(standingsOf(state))).toBe(before);
      expect(standingsOf(newest)).toEqual(computeStandings(ruleSet, teams, entries));

      // Apply a different continuation to the older state: it must not see the newer entries.
      const other = { ...entries[entries.length - 1], id: 'branch', seq: 10_000 };
      expect(standingsOf(applyEntry(state, other))).toEqual(
        computeStandings(ruleSet, teams, [...entries.slice(0, half), other]),
      );
    },
  );

  it.each(SEEDS.slice(0, 8))(
    'entries arriving out of seq order give the same result, seed %i',
    (seed) => {
      const { ruleSet, teams, entries } = randomCase('programming', seed);
      const shuffled = [...entries].reverse();
      let state = createStandingsState(ruleSet, teams);
      for (const entry of shuffled) state = applyEntry(state, entry);
      expect(standingsOf(state)).toEqual(computeStandings(ruleSet, teams, entries));
    },
  );
});
