import { neverCategoryScoped, type DisciplineEngine } from '../standings/discipline-engine';
import { checkMazeAttempt, mazeAttemptPayloadSchema, MAZE_ATTEMPT } from './maze-entries';
import type { MazeRuleSet } from './maze-rules';
import { scoreMazeTeam } from './maze-team-result';

export const mazeEngine: DisciplineEngine<MazeRuleSet> = {
  kinds: {
    [MAZE_ATTEMPT]: { schema: mazeAttemptPayloadSchema, team: 'required', check: checkMazeAttempt },
  },
  scopeOf: () => 'team',
  scoreTeam: (ruleSet, entries) => scoreMazeTeam(ruleSet.params, entries),
  scoreCategory: neverCategoryScoped,
  usesDecisions: () => false,
};
