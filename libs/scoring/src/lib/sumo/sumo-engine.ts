import type { DisciplineEngine } from '../standings/discipline-engine';
import {
  checkSumoDraw,
  checkSumoMatch,
  sumoDrawPayloadSchema,
  sumoMatchPayloadSchema,
  SUMO_DRAW,
  SUMO_MATCH,
} from './sumo-entries';
import type { SumoRuleSet } from './sumo-rules';
import { sumoStandings } from './sumo-standings';

export const sumoEngine: DisciplineEngine<SumoRuleSet> = {
  kinds: {
    [SUMO_DRAW]: { schema: sumoDrawPayloadSchema, team: 'none', check: checkSumoDraw },
    [SUMO_MATCH]: { schema: sumoMatchPayloadSchema, team: 'none', check: checkSumoMatch },
  },
  scopeOf: () => 'category',
  scoreTeam: () => {
    throw new Error('sumo results depend on the whole tournament');
  },
  scoreCategory: (ruleSet, teams, entries) => sumoStandings(ruleSet, teams, entries),
  usesDecisions: () => false,
};
