import type { DisciplineEngine } from '../standings/discipline-engine';
import { checkRubricMarks, CREATIVE_MARKS, rubricMarksPayloadSchema } from './creative-entries';
import type { CreativeRuleSet } from './creative-rules';
import { scoreRubricNormalised, scoreRubricTeam } from './rubric-score';

export const creativeEngine: DisciplineEngine<CreativeRuleSet> = {
  kinds: {
    [CREATIVE_MARKS]: {
      schema: rubricMarksPayloadSchema,
      team: 'required',
      check: (ruleSet: CreativeRuleSet, payload) => checkRubricMarks(ruleSet.params, payload),
    },
  },
  scopeOf: (ruleSet) => (ruleSet.params.combine === 'normalised' ? 'category' : 'team'),
  scoreTeam: (ruleSet, entries) => scoreRubricTeam(ruleSet.params, CREATIVE_MARKS, entries),
  scoreCategory: (ruleSet, teams, entries) =>
    scoreRubricNormalised(ruleSet.params, CREATIVE_MARKS, teams, entries),
  usesDecisions: (ruleSet) => ruleSet.params.tieBreaks.includes('decision'),
};
