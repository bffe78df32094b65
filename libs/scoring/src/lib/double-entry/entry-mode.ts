import { z } from 'zod';

/**
 * Whether one judge's entry counts (`single`, the default) or two judges enter every attempt or
 * match blind (`double`; docs/rules.md#double-entry). A rule set stored without it is single.
 */
export const entryModeSchema = z.enum(['single', 'double']);
export type EntryMode = z.infer<typeof entryModeSchema>;

export function entryModeOf(ruleSet: { entry?: EntryMode }): EntryMode {
  return ruleSet.entry ?? 'single';
}
