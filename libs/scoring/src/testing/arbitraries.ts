import fc from 'fast-check';
import type { SeededRandom } from '../lib/common/seeded-random';
import type { LedgerRecord, Standings } from '../lib/ledger.types';
import { randomCase, type CaseKind, type RandomCase } from './random-ledger';

/**
 * fast-check support for the property specs. Runs are reproducible (fixed seed) but shrink: a
 * failure is reported with its seed, path and the smallest counterexample fast-check found.
 */
export const FC_SEED = 20_260_601;

export function fcParams(numRuns: number): fc.Parameters<unknown> {
  return { seed: FC_SEED, numRuns };
}

/**
 * A `SeededRandom` that reads its choices from a tape of integers (0 when the tape runs out).
 * Shrinking the tape (shorter, smaller numbers) shrinks what is built from it towards the first
 * option of every choice, the way Hypothesis-style choice sequences do.
 */
export function tapeRandom(tape: readonly number[]): SeededRandom {
  let i = 0;
  const next = (): number => (i < tape.length ? tape[i++] : 0) / 4294967296;
  const int = (n: number): number => Math.floor(next() * n);
  return {
    next,
    int,
    shuffle<T>(items: readonly T[]): T[] {
      const out = items.slice();
      for (let k = out.length - 1; k > 0; k--) {
        const j = int(k + 1);
        [out[k], out[j]] = [out[j], out[k]];
      }
      return out;
    },
    pick<T>(items: readonly T[]): T {
      return items[int(items.length)];
    },
  };
}

/**
 * A tape of `length` uniform unsigned 32-bit integers. Fixed length and no bias towards small
 * values, so generated cases are typical (a short or all-zero tape would make, for example, every
 * team absent); shrinking moves the values towards 0, i.e. towards the first options.
 */
export function tapeArbitrary(length = 1_000): fc.Arbitrary<number[]> {
  return fc.array(fc.noBias(fc.integer({ min: 0, max: 0xffffffff })), {
    minLength: length,
    maxLength: length,
  });
}

/** A random category of `kind`: rule set, teams and a ledger with corrections, voids and junk. */
export function caseArbitrary(kind: CaseKind): fc.Arbitrary<RandomCase> {
  return tapeArbitrary().map((tape) => randomCase(kind, tapeRandom(tape)));
}

/** A permutation of `items` (shrinks towards the original order). */
export function permutationOf<T>(items: readonly T[]): fc.Arbitrary<T[]> {
  return fc.shuffledSubarray([...items], { minLength: items.length, maxLength: items.length });
}

export function placeOf(standings: Standings, teamId: string): number {
  return standings.rows.find((r) => r.teamId === teamId)?.place ?? Infinity;
}

/** A new entry appended after the ledger (next seq), starting its own chain. */
export function appended(
  entries: readonly LedgerRecord[],
  kind: string,
  teamId: string | null,
  payload: unknown,
): LedgerRecord {
  const seq = entries.reduce((max, e) => Math.max(max, e.seq), 0) + 1;
  return {
    id: `added-${seq}`,
    seq,
    kind,
    teamId,
    payload,
    supersedes: null,
    authorId: 'j',
    recordedAt: new Date(Date.UTC(2025, 0, 1, 12, 0, 0) + seq * 1000).toISOString(),
  };
}
