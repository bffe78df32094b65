import { isMessageKey, ruleLinesText, t, type Lang } from '@olympiad/i18n';
import { describeRuleSet, ruleSetSchema } from '@olympiad/scoring';

/** A preset by its name in the reader's language; an organiser never reads its id. */
export function presetLabel(lang: Lang, preset: string): string {
  const key = `preset.${preset}`;
  return isMessageKey(key) ? t(lang, key) : t(lang, 'console.categories.customPreset');
}

/** The rule set in force as sentences in the reader's language, or null if it is not one. */
export function ruleSetSentence(lang: Lang, ruleSet: unknown): string | null {
  const parsed = ruleSetSchema.safeParse(ruleSet);
  return parsed.success ? ruleLinesText(lang, describeRuleSet(parsed.data)) : null;
}
