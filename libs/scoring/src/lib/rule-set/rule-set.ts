import { z } from 'zod';
import { creativeRuleSetSchema, type CreativeRuleSet } from '../creative/creative-rules';
import { mazeRuleSetSchema, type MazeRuleSet } from '../maze/maze-rules';
import {
  programmingRuleSetSchema,
  type ProgrammingRuleSet,
} from '../programming/programming-rules';
import { sumoRuleSetSchema, type SumoRuleSet } from '../sumo/sumo-rules';

export type { CreativeRuleSet, MazeRuleSet, ProgrammingRuleSet, SumoRuleSet };

/** The rules in force for one category, stored with it; every result is computed from it. */
export type RuleSet = MazeRuleSet | SumoRuleSet | ProgrammingRuleSet | CreativeRuleSet;

export const ruleSetSchema = z.discriminatedUnion('discipline', [
  mazeRuleSetSchema,
  sumoRuleSetSchema,
  programmingRuleSetSchema,
  creativeRuleSetSchema,
]);

export const RULE_SET_SCHEMAS = {
  maze: mazeRuleSetSchema,
  sumo: sumoRuleSetSchema,
  programming: programmingRuleSetSchema,
  creative: creativeRuleSetSchema,
} as const;

export interface RuleSetPreset {
  name: string;
  discipline: RuleSet['discipline'];
  title: string;
  ruleSet: RuleSet;
}
