import fc from 'fast-check';
import { ALL_CASE_KINDS } from '../../testing/random-ledger';
import { caseArbitrary, fcParams, permutationOf } from '../../testing/arbitraries';
import { computeStandings } from './compute-standings';
import {
  applyEntry,
  createStandingsState,
  standingsOf,
  standingsStateFrom,
} from './standings-state';

/**
 * Property: createStandingsState + applyEntry … standingsOf gives exactly what computeStandings
 * gives over the same entries, after every entry, for random ledgers with corrections, voids,
 * re-sent entries, unknown teams, malformed payloads and status changes.
 */
describe.each(ALL_CASE_KINDS)('incremental update equals a full recompute (%s)', (kind) => {
  it('after every entry of a random ledger', () => {
    fc.assert(
      fc.property(caseArbitrary(kind), ({ ruleSet, teams, entries }) => {
        let state = createStandingsState(ruleSet, teams);
        for (let i = 0; i < entries.length; i++) {
          state = applyEntry(state, entries[i]);
          expect(standingsOf(state)).toEqual(
            computeStandings(ruleSet, teams, entries.slice(0, i + 1)),
          );
        }
        expect(standingsOf(standingsStateFrom(ruleSet, teams, entries))).toEqual(
          computeStandings(ruleSet, teams, entries),
        );
      }),
      fcParams(25),
    );
  });
});

describe('incremental update keeps older states intact', () => {
  it('branching from an older state gives what a full recompute gives (maze)', () => {
    fc.assert(
      fc.property(
        caseArbitrary('maze').filter((c) => c.entries.length >= 2),
        fc.double({ min: 0, max: 1, noNaN: true }),
        ({ ruleSet, teams, entries }, cut) => {
          const half = Math.min(entries.length - 1, Math.floor(entries.length * cut));
          let state = createStandingsState(ruleSet, teams);
          for (const entry of entries.slice(0, half)) state = applyEntry(state, entry);
          const before = JSON.stringify(standingsOf(state));
          let newest = state;
          for (const entry of entries.slice(half)) newest = applyEntry(newest, entry);
          expect(JSON.stringify(standingsOf(state))).toBe(before);
          expect(standingsOf(newest)).toEqual(computeStandings(ruleSet, teams, entries));

          // A different continuation of the older state must not see the newer entries.
          const other = { ...entries[entries.length - 1], id: 'branch', seq: 10_000 };
          expect(standingsOf(applyEntry(state, other))).toEqual(
            computeStandings(ruleSet, teams, [...entries.slice(0, half), other]),
          );
        },
      ),
      fcParams(25),
    );
  });

  it('entries arriving in any order give the full recompute (programming)', () => {
    fc.assert(
      fc.property(
        caseArbitrary('programming').chain((c) =>
          fc.tuple(fc.constant(c), permutationOf(c.entries)),
        ),
        ([{ ruleSet, teams, entries }, arrival]) => {
          let state = createStandingsState(ruleSet, teams);
          for (const entry of arrival) state = applyEntry(state, entry);
          expect(standingsOf(state)).toEqual(computeStandings(ruleSet, teams, entries));
        },
      ),
      fcParams(25),
    );
  });
});
