import { creativeEngine } from '../creative/creative-engine';
import { mazeEngine } from '../maze/maze-engine';
import { programmingEngine } from '../programming/programming-engine';
import type { RuleSet } from '../rule-set/rule-set';
import { sumoEngine } from '../sumo/sumo-engine';
import type { DisciplineEngine } from './discipline-engine';

export function engineFor(ruleSet: RuleSet): DisciplineEngine<RuleSet> {
  switch (ruleSet.discipline) {
    case 'maze':
      return mazeEngine as DisciplineEngine<RuleSet>;
    case 'sumo':
      return sumoEngine as DisciplineEngine<RuleSet>;
    case 'programming':
      return programmingEngine as DisciplineEngine<RuleSet>;
    case 'creative':
      return creativeEngine as DisciplineEngine<RuleSet>;
  }
}
