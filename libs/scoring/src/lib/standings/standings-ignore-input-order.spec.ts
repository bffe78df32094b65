import fc from 'fast-check';
import { ALL_CASE_KINDS } from '../../testing/random-ledger';
import { caseArbitrary, fcParams, permutationOf } from '../../testing/arbitraries';
import { computeStandings } from './compute-standings';

/**
 * Property: the standings do not depend on the order of the team list or of the entries array
 * (entries are applied in seq order, teams are ordered by the rules and then by name), in every
 * discipline and sumo format.
 */
describe.each(ALL_CASE_KINDS)(
  'standings ignore the order of the team list and of the entries array (%s)',
  (kind) => {
    it('any permutation of teams and entries gives the same standings', () => {
      fc.assert(
        fc.property(
          caseArbitrary(kind).chain((c) =>
            fc.tuple(fc.constant(c), permutationOf(c.teams), permutationOf(c.entries)),
          ),
          ([{ ruleSet, teams, entries }, shuffledTeams, shuffledEntries]) => {
            expect(computeStandings(ruleSet, shuffledTeams, shuffledEntries)).toEqual(
              computeStandings(ruleSet, teams, entries),
            );
          },
        ),
        fcParams(30),
      );
    });
  },
);
