import { fieldError } from '../common/validated';
import {
  checkRubricMarks,
  rubricMarksPayloadSchema,
  type RubricMarksPayload,
} from '../creative/creative-entries';
import { scoreRubricNormalised, scoreRubricTeam } from '../creative/rubric-score';
import type { DisciplineEngine } from '../standings/discipline-engine';
import {
  checkProgrammingTask,
  programmingTaskPayloadSchema,
  PROGRAMMING_TASK,
} from './programming-entries';
import type { ProgrammingRuleSet } from './programming-rules';
import { scoreProgrammingTeam } from './programming-score';

/** A Scratch project judged with the rubric: one judge's sheet, as creative.marks. */
export const PROGRAMMING_RUBRIC = 'programming.rubric';

export const programmingEngine: DisciplineEngine<ProgrammingRuleSet> = {
  kinds: {
    [PROGRAMMING_TASK]: {
      schema: programmingTaskPayloadSchema,
      team: 'required',
      check: checkProgrammingTask,
    },
    [PROGRAMMING_RUBRIC]: {
      schema: rubricMarksPayloadSchema,
      team: 'required',
      check: (ruleSet: ProgrammingRuleSet, payload: RubricMarksPayload) =>
        ruleSet.params.rubric
          ? checkRubricMarks(ruleSet.params.rubric, payload)
          : [
              fieldError(
                '',
                'scoring.programming.noRubric',
                'this category is judged by tasks: send programming.task entries',
              ),
            ],
    },
  },
  scopeOf: (ruleSet) => (ruleSet.params.rubric?.combine === 'normalised' ? 'category' : 'team'),
  scoreTeam: (ruleSet, entries) =>
    ruleSet.params.rubric
      ? scoreRubricTeam(ruleSet.params.rubric, PROGRAMMING_RUBRIC, entries)
      : scoreProgrammingTeam(ruleSet.params, entries),
  scoreCategory: (ruleSet, teams, entries) =>
    scoreRubricNormalised(
      ruleSet.params.rubric as NonNullable<ProgrammingRuleSet['params']['rubric']>,
      PROGRAMMING_RUBRIC,
      teams,
      entries,
    ),
  usesDecisions: (ruleSet) =>
    ruleSet.params.rubric
      ? ruleSet.params.rubric.tieBreaks.includes('decision')
      : ruleSet.params.tieBreaks.includes('decision'),
};
