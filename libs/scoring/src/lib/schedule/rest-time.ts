import { intRange } from '../common/zod-helpers';

/**
 * Minutes a sumo team rests between the end of one match and the start of its next
 * (docs/rules.md#schedules): as long as one default match (3:00), time to wipe the tyres and
 * change a battery.
 */
export const DEFAULT_SUMO_REST_MINUTES = 3;

/** The rule-set parameter `restMinutes`: 0 lets a team play again at once; at most two hours. */
export const sumoRestMinutesSchema = intRange(0, 120).default(DEFAULT_SUMO_REST_MINUTES);

/** The rest of a sumo rule set in ms; one stored before the parameter existed has the default. */
export function sumoRestMs(params: { restMinutes?: number }): number {
  return (params.restMinutes ?? DEFAULT_SUMO_REST_MINUTES) * 60_000;
}
