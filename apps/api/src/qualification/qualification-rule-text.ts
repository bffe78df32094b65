import { LANGUAGES, t, type Lang } from '@olympiad/i18n';
import { describeQualificationRule, type QualificationRule } from '@olympiad/scoring';

/**
 * A rule as one line in each language ("top 3 places, per category and age group, …"). Written
 * here, not on the public page, so the leaderboard ships none of these texts
 * (docs/design.md#performance-budgets).
 */
export function qualificationRuleText(rule: QualificationRule): Record<Lang, string> {
  const phrases = describeQualificationRule(rule);
  return Object.fromEntries(
    LANGUAGES.map((lang) => [
      lang,
      phrases.map((phrase) => t(lang, phrase.key, phrase.params)).join(', '),
    ]),
  ) as Record<Lang, string>;
}
