import { neverCategoryScoped, type DisciplineEngine } from '../standings/discipline-engine';
import type { SumoRuleSet } from './sumo-rules';

/** Placeholder until the discipline's entries are implemented: every team is not scored yet. */
export const sumoEngine: DisciplineEngine<SumoRuleSet> = {
  kinds: {},
  scopeOf: () => 'team',
  scoreTeam: () => ({ status: 'not-scored', key: [], primary: null, display: '', detail: {}, warnings: [] }),
  scoreCategory: neverCategoryScoped,
  usesDecisions: () => false,
};
