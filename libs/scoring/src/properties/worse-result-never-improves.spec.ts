import { seededRandom } from '../lib/common/seeded-random';
import type { LedgerRecord, Standings } from '../lib/ledger.types';
import { resolveLedger } from '../lib/ledger/resolve-ledger';
import { computeStandings } from '../lib/standings/compute-standings';
import { randomCase, type CaseKind } from './random-ledger';

/**
 * A correction that makes one of a team's results worse (slower, more touches, fewer points,
 * lower marks) never gives the team a better place. (Adding a new attempt can improve a place
 * through the second-best tie-break, by the rules, so the property is stated for corrections.)
 */
function placeOf(standings: Standings, teamId: string): number {
  return standings.rows.find((r) => r.teamId === teamId)?.place ?? Infinity;
}

type Worsen = (
  payload: Record<string, unknown>,
  random: ReturnType<typeof seededRandom>,
) => Record<string, unknown> | null;

const worsen: Partial<Record<CaseKind, Worsen>> = {
  maze: (p, random) => {
    if (p.outcome !== 'finished') return null;
    const choice = random.int(3);
    if (choice === 0) return { ...p, timeMs: (p.timeMs as number) + 1 + random.int(20_000) };
    if (choice === 1) return { ...p, touches: (p.touches as number) + 1 };
    return { ...p, outcome: 'not-finished', timeMs: null, endedBy: 'stall' };
  },
  programming: (p, random) =>
    (p.points as number) > 0 ? { ...p, points: random.int(p.points as number) } : null,
  creative: (p, random) => {
    const marks = { ...(p.marks as Record<string, number>) };
    const ids = Object.keys(marks).filter((id) => marks[id] > 0);
    if (ids.length === 0) return null;
    const id = random.pick(ids);
    marks[id] -= 1 + random.int(marks[id]);
    return { ...p, marks };
  },
};

describe.each(['maze', 'programming', 'creative'] as const)(
  'a worse result never improves a place (%s)',
  (kind) => {
    it.each(Array.from({ length: 40 }, (_, i) => 5 + i * 65_537))('seed %i', (seed) => {
      const { ruleSet, teams, entries } = randomCase(kind, seed);
      const random = seededRandom(seed + 1);
      const counted = resolveLedger(entries).effective.filter(
        (e) => e.record.teamId !== null && e.record.kind.includes('.'),
      );
      const before = computeStandings(ruleSet, teams, entries);
      for (let trial = 0; trial < 5 && counted.length > 0; trial++) {
        const target = random.pick(counted).record;
        const worse = (worsen[kind] as Worsen)(target.payload as Record<string, unknown>, random);
        if (!worse || !teams.some((t) => t.id === target.teamId)) continue;
        const correction: LedgerRecord = {
          ...target,
          id: `worse-${trial}`,
          seq: entries.length + 1 + trial,
          payload: worse,
          supersedes: target.id,
        };
        const after = computeStandings(ruleSet, teams, [...entries, correction]);
        expect(placeOf(after, target.teamId as string)).toBeGreaterThanOrEqual(
          placeOf(before, target.teamId as string),
        );
      }
    });
  },
);
