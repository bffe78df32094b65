import { seededRandom } from '../lib/common/seeded-random';
import { computeStandings } from '../lib/standings/compute-standings';
import { ALL_CASE_KINDS, randomCase } from './random-ledger';

describe.each(ALL_CASE_KINDS)(
  'standings do not depend on the order of the team list or of the entries array (%s)',
  (kind) => {
    it.each(Array.from({ length: 15 }, (_, i) => 77 + i * 104_729))('seed %i', (seed) => {
      const { ruleSet, teams, entries } = randomCase(kind, seed);
      const random = seededRandom(seed ^ 0x5bd1e995);
      const expected = computeStandings(ruleSet, teams, entries);
      for (let i = 0; i < 3; i++) {
        expect(computeStandings(ruleSet, random.shuffle(teams), random.shuffle(entries))).toEqual(
          expected,
        );
      }
    });
  },
);
