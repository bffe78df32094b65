import { z } from 'zod';
import { intRange } from '../common/zod-helpers';
import type { RuleSet } from '../rule-set/rule-set';
import type { SumoMatchPayload } from '../sumo/sumo-entries';

/**
 * Whether a team must pass technical inspection before it may be armed on a maze table or play a
 * sumo match (docs/rules.md#technical-inspection). A rule set stored before the parameter existed
 * reads as `false`, the behaviour it had.
 */
export const DEFAULT_INSPECTION_REQUIRED = false;
export const inspectionRequiredSchema = z.boolean().default(DEFAULT_INSPECTION_REQUIRED);

/** A maze robot's largest footprint: micromouse rule books, 25 × 25 cm (docs/rules.md). */
export const mazeRobotSchema = z
  .object({ maxWidthMm: intRange(10, 2_000), maxLengthMm: intRange(10, 2_000) })
  .strict();
export type MazeRobot = z.infer<typeof mazeRobotSchema>;
export const DEFAULT_MAZE_ROBOT: MazeRobot = { maxWidthMm: 250, maxLengthMm: 250 };

export const INSPECTION_LIMITS = ['massG', 'widthMm', 'lengthMm'] as const;
export type InspectionLimit = (typeof INSPECTION_LIMITS)[number];

/** What is checked at inspection; a null limit is not checked (a maze robot's mass). */
export type InspectionLimits = Record<InspectionLimit, number | null>;

/** What the inspector measured; null when not measured. */
export type InspectionMeasurements = Record<InspectionLimit, number | null>;

export interface InspectionFailure {
  limit: InspectionLimit;
  /** Null: the limit applies but nothing was measured. */
  measured: number | null;
  max: number;
}

export interface InspectionVerdict {
  passed: boolean;
  /** Every limit the robot failed, in the order of INSPECTION_LIMITS. */
  failures: InspectionFailure[];
}

/** The limits of a category's rule set, or null when its discipline has no robot to inspect. */
export function inspectionLimitsOf(ruleSet: RuleSet): InspectionLimits | null {
  if (ruleSet.discipline === 'sumo') {
    const c = ruleSet.params.class;
    return { massG: c.maxMassG, widthMm: c.maxWidthMm, lengthMm: c.maxLengthMm };
  }
  if (ruleSet.discipline === 'maze') {
    const robot = ruleSet.params.robot ?? DEFAULT_MAZE_ROBOT;
    return { massG: null, widthMm: robot.maxWidthMm, lengthMm: robot.maxLengthMm };
  }
  return null;
}

/** Whether the rule set requires a passed inspection; one stored without the key does not. */
export function inspectionRequiredOf(ruleSet: RuleSet): boolean {
  if (ruleSet.discipline !== 'maze' && ruleSet.discipline !== 'sumo') return false;
  return ruleSet.params.inspectionRequired ?? DEFAULT_INSPECTION_REQUIRED;
}

/** Measurements against the limits: a robot passes when every limit that applies is met. */
export function checkInspection(
  limits: InspectionLimits,
  measured: InspectionMeasurements,
): InspectionVerdict {
  const failures: InspectionFailure[] = [];
  for (const limit of INSPECTION_LIMITS) {
    const max = limits[limit];
    if (max === null) continue;
    const value = measured[limit];
    if (value === null || value > max) failures.push({ limit, measured: value, max });
  }
  return { passed: failures.length === 0, failures };
}

/**
 * The teams of a sumo match entry that would play: a side that loses by no-show or
 * disqualification without playing needs no passed inspection (docs/rules.md#technical-inspection).
 */
export function sumoMatchPlayers(payload: SumoMatchPayload): string[] {
  const out = new Set<string>();
  for (const event of payload.events) {
    if (event.type === 'no-show' || event.type === 'disqualification') {
      if (event.side === 'a' || event.side === 'both') out.add('a');
      if (event.side === 'b' || event.side === 'both') out.add('b');
    }
  }
  return (['a', 'b'] as const).filter((side) => !out.has(side)).map((side) => payload[side]);
}
