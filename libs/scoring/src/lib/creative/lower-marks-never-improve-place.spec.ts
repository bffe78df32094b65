import fc from 'fast-check';
import { appended, caseArbitrary, fcParams, placeOf } from '../../testing/arbitraries';
import type { CaseKind } from '../../testing/random-ledger';
import { resolveLedger } from '../ledger/resolve-ledger';
import { validateEntry } from '../ledger/validate-entry';
import { computeStandings } from '../standings/compute-standings';

/**
 * Property: a judge's new sheet for a team with no mark higher than that judge's current sheet
 * (the later sheet counts) never gives the team a better place, whatever the combination (trimmed
 * mean of the default rubric, or per-judge normalisation).
 */
interface Sheet {
  judgeId: string;
  marks: Record<string, number>;
  comments: Record<string, string>;
}

/** The sheet that counts for each judge of a team: the valid one whose chain started last. */
function currentSheets(
  ruleSet: Parameters<typeof validateEntry>[0],
  entries: Parameters<typeof resolveLedger>[0],
  teamId: string,
): Sheet[] {
  const byJudge = new Map<string, { seq: number; sheet: Sheet }>();
  for (const e of resolveLedger(entries).effective) {
    if (e.record.kind !== 'creative.marks' || e.record.teamId !== teamId) continue;
    if (!validateEntry(ruleSet, e.record).ok) continue;
    const sheet = e.record.payload as Sheet;
    const seen = byJudge.get(sheet.judgeId);
    if (!seen || seen.seq < e.rootSeq) byJudge.set(sheet.judgeId, { seq: e.rootSeq, sheet });
  }
  return [...byJudge.values()].map((v) => v.sheet);
}

describe.each<CaseKind>(['creative', 'creative-normalised'])(
  'lower marks never improve a place (%s)',
  (kind) => {
    it("a judge's lower sheet keeps or lowers the place", () => {
      fc.assert(
        fc.property(
          caseArbitrary(kind),
          fc.nat(),
          fc.nat(),
          fc.array(fc.nat(), { minLength: 6, maxLength: 6 }),
          ({ ruleSet, teams, entries }, teamIndex, judgeIndex, cuts) => {
            const team = teams[teamIndex % teams.length];
            const sheets = currentSheets(ruleSet, entries, team.id);
            fc.pre(sheets.length > 0);
            const sheet = sheets[judgeIndex % sheets.length];
            const marks = Object.fromEntries(
              Object.entries(sheet.marks).map(([id, mark], i) => [
                id,
                mark - (cuts[i] % (mark + 1)),
              ]),
            );
            const lower = { ...sheet, marks };

            const before = computeStandings(ruleSet, teams, entries);
            const after = computeStandings(ruleSet, teams, [
              ...entries,
              appended(entries, 'creative.marks', team.id, lower),
            ]);
            expect(placeOf(after, team.id)).toBeGreaterThanOrEqual(placeOf(before, team.id));
          },
        ),
        fcParams(200),
      );
    });
  },
);
