import fc from 'fast-check';
import { appended, caseArbitrary, fcParams, placeOf } from '../../testing/arbitraries';
import type { ProgrammingRuleSet } from '../rule-set/rule-set';
import { computeStandings } from '../standings/compute-standings';

/**
 * Property: a new submission for a task that scores no more than the team already has on that
 * task never gives the team a better place. Best-per-task (IOI) keeps the old score; last
 * submission counts replaces it by the lower one. (A team's first submission on a task, even
 * with 0 points, is not "fewer points": it turns "not scored yet" into a ranked result.)
 */
describe.each(['best', 'last'] as const)(
  'fewer points never improve a place (programming, %s submission counts)',
  (submissions) => {
    it('a lower-scoring submission keeps or lowers the place', () => {
      fc.assert(
        fc.property(
          caseArbitrary('programming'),
          fc.nat(),
          fc.constantFrom('A', 'B', 'C'),
          fc.nat(),
          ({ ruleSet: base, teams, entries }, teamIndex, task, lower) => {
            const ruleSet = {
              ...base,
              params: { ...base.params, submissions },
            } as ProgrammingRuleSet;
            const team = teams[teamIndex % teams.length];
            const before = computeStandings(ruleSet, teams, entries);
            const row = before.rows.find((r) => r.teamId === team.id);
            const tasks = (row?.detail.tasks ?? {}) as Record<string, number>;
            fc.pre(row?.status === 'ranked' && task in tasks);

            const points = lower % (tasks[task] + 1);
            const after = computeStandings(ruleSet, teams, [
              ...entries,
              appended(entries, 'programming.task', team.id, {
                task,
                points,
                groups: null,
                timeMs: null,
              }),
            ]);
            expect(placeOf(after, team.id)).toBeGreaterThanOrEqual(placeOf(before, team.id));
          },
        ),
        fcParams(200),
      );
    });
  },
);
