import {
  CREATIVE_DEFAULT_PARAMS,
  CREATIVE_SCHEMA_VERSION,
  SCRATCH_RUBRIC_PARAMS,
} from '../creative/creative-rules';
import { MAZE_DEFAULT_PARAMS, MAZE_SCHEMA_VERSION } from '../maze/maze-rules';
import {
  PROGRAMMING_DEFAULT_PARAMS,
  PROGRAMMING_SCHEMA_VERSION,
} from '../programming/programming-rules';
import { SUMO_DEFAULT_PARAMS, SUMO_SCHEMA_VERSION } from '../sumo/sumo-rules';
import { cloneJson, deepFreeze } from '../common/deep-freeze';
import type { RuleSet, RuleSetPreset } from './rule-set';

function preset(name: string, title: string, ruleSet: RuleSet): RuleSetPreset {
  return deepFreeze({ name, discipline: ruleSet.discipline, title, ruleSet: cloneJson(ruleSet) });
}

export const RULE_SET_PRESETS: readonly RuleSetPreset[] = [
  preset('maze-default', 'Maze: 3 attempts, best counts, +10 s per touch', {
    discipline: 'maze',
    preset: 'maze-default',
    schemaVersion: MAZE_SCHEMA_VERSION,
    params: MAZE_DEFAULT_PARAMS,
  }),
  preset(
    'maze-micromouse',
    'Maze, micromouse style: exploration run, 5 timed runs, a touch voids the run',
    {
      discipline: 'maze',
      preset: 'maze-micromouse',
      schemaVersion: MAZE_SCHEMA_VERSION,
      params: {
        ...MAZE_DEFAULT_PARAMS,
        attempts: 5,
        timeLimitMs: 300_000,
        explorationMs: 240_000,
        touchPenalty: { mode: 'void' },
        stallMs: 30_000,
        tieBreaks: ['second-best'],
      },
    },
  ),
  preset(
    'maze-checkpoints',
    'Maze with checkpoints: points per checkpoint, 5 points off per touch',
    {
      discipline: 'maze',
      preset: 'maze-checkpoints',
      schemaVersion: MAZE_SCHEMA_VERSION,
      params: {
        ...MAZE_DEFAULT_PARAMS,
        touchPenalty: { mode: 'points', points: 5 },
        checkpoints: [
          { id: 'cp1', points: 10 },
          { id: 'cp2', points: 20 },
          { id: 'cp3', points: 30 },
        ],
      },
    },
  ),
  preset('sumo-default', 'Sumo 15×15 cm, 1 kg: groups of 3–5, top 2 to single elimination', {
    discipline: 'sumo',
    preset: 'sumo-default',
    schemaVersion: SUMO_SCHEMA_VERSION,
    params: SUMO_DEFAULT_PARAMS,
  }),
  preset('mini-sumo', 'Mini-sumo 10×10 cm, 500 g, ring 77 cm: double elimination', {
    discipline: 'sumo',
    preset: 'mini-sumo',
    schemaVersion: SUMO_SCHEMA_VERSION,
    params: {
      ...SUMO_DEFAULT_PARAMS,
      class: {
        ringDiameterMm: 770,
        ringEdgeMm: 25,
        maxWidthMm: 100,
        maxLengthMm: 100,
        maxMassG: 500,
      },
      tournament: { ...SUMO_DEFAULT_PARAMS.tournament, format: 'double-elimination' },
    },
  }),
  preset(
    'programming-default',
    'Programming (Scratch, Python): best submission per task, partial credit',
    {
      discipline: 'programming',
      preset: 'programming-default',
      schemaVersion: PROGRAMMING_SCHEMA_VERSION,
      params: PROGRAMMING_DEFAULT_PARAMS,
    },
  ),
  preset(
    'programming-icpc',
    'Programming, ICPC style: tasks solved, then time with 20 min per wrong try',
    {
      discipline: 'programming',
      preset: 'programming-icpc',
      schemaVersion: PROGRAMMING_SCHEMA_VERSION,
      params: {
        ...PROGRAMMING_DEFAULT_PARAMS,
        credit: 'all-or-nothing',
        submissions: 'icpc',
        penaltyMsPerWrongTry: 1_200_000,
        submissionTime: 'contest-time',
        tieBreaks: [],
      },
    },
  ),
  preset('scratch-rubric', 'Scratch project judged with the rubric (maximum 40)', {
    discipline: 'programming',
    preset: 'scratch-rubric',
    schemaVersion: PROGRAMMING_SCHEMA_VERSION,
    params: {
      ...PROGRAMMING_DEFAULT_PARAMS,
      tasks: [],
      tieBreaks: [],
      rubric: SCRATCH_RUBRIC_PARAMS,
    },
  }),
  preset('creative-default', 'Creative: 6 criteria 0–10, 3–5 judges, trimmed mean from 5 judges', {
    discipline: 'creative',
    preset: 'creative-default',
    schemaVersion: CREATIVE_SCHEMA_VERSION,
    params: CREATIVE_DEFAULT_PARAMS,
  }),
];

/** A fresh copy of a named preset's rule set, or undefined for an unknown name. */
export function presetRuleSet(name: string): RuleSet | undefined {
  const found = RULE_SET_PRESETS.find((p) => p.name === name);
  return found ? cloneJson(found.ruleSet) : undefined;
}
