import { intRange } from '../common/zod-helpers';
import type { RuleSet } from '../rule-set/rule-set';

/** Minutes after a category's results are published during which a team may still protest (docs/rules.md#protests). */
export const DEFAULT_PROTEST_WINDOW_MINUTES = 30;

/** The rule-set parameter `protestWindowMinutes`: 0 closes protests at publication; at most a day. */
export const protestWindowMinutesSchema = intRange(0, 1_440).default(
  DEFAULT_PROTEST_WINDOW_MINUTES,
);

/** The window of a rule set; one stored before the parameter existed has the default. */
export function protestWindowMinutesOf(ruleSet: RuleSet): number {
  return ruleSet.params.protestWindowMinutes ?? DEFAULT_PROTEST_WINDOW_MINUTES;
}

export interface ProtestTiming {
  ruleSet: RuleSet;
  /** ISO 8601 time the results were published, or null while they are not public. */
  publishedAt: string | null;
}

/** When protests close (ISO 8601), or null while the results are not published and protests stay open. */
export function protestDeadline({ ruleSet, publishedAt }: ProtestTiming): string | null {
  if (publishedAt === null) return null;
  const published = Date.parse(publishedAt);
  if (Number.isNaN(published)) return null;
  return new Date(published + protestWindowMinutesOf(ruleSet) * 60_000).toISOString();
}

/**
 * Whether a protest may still be filed at `now`: always before the results are published, and
 * then until the window after publication has passed (the last instant included).
 */
export function mayFileProtest(timing: ProtestTiming, now: Date): boolean {
  const deadline = protestDeadline(timing);
  return deadline === null || now.getTime() <= Date.parse(deadline);
}
