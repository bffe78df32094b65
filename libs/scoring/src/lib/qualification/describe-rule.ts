import { formatResultTime, timePrecisionOf } from '../common/format-time';
import type { QualificationRule } from './qualification-rules';

/** One phrase of a rule's description: an i18n key (libs/i18n `scoring.qualificationRule.*`) and its parameters. */
export interface RulePhrase {
  key:
    | 'scoring.qualificationRule.topN'
    | 'scoring.qualificationRule.topPercent'
    | 'scoring.qualificationRule.perAgeGroup'
    | 'scoring.qualificationRule.perCategory'
    | 'scoring.qualificationRule.ranked'
    | 'scoring.qualificationRule.finished'
    | 'scoring.qualificationRule.minPoints'
    | 'scoring.qualificationRule.maxTime';
  params: Record<string, string | number>;
}

/**
 * How a rule reads for people, phrase by phrase: "top 3", "per category and age group", "at least
 * 40 points". The threshold's value is the standings' primary figure (qualification-rules.ts): a
 * minimum reads as points, a maximum as a time (in ms, written as every result time is).
 * The default threshold ('finished') is said too, so the public sees what every qualifier met.
 */
export function describeQualificationRule(rule: QualificationRule): RulePhrase[] {
  const phrases: RulePhrase[] = [
    rule.selection.mode === 'top-n'
      ? { key: 'scoring.qualificationRule.topN', params: { count: rule.selection.n } }
      : {
          key: 'scoring.qualificationRule.topPercent',
          params: { percent: rule.selection.percent },
        },
    rule.perAgeGroup
      ? { key: 'scoring.qualificationRule.perAgeGroup', params: {} }
      : { key: 'scoring.qualificationRule.perCategory', params: {} },
  ];
  switch (rule.threshold.kind) {
    case 'ranked':
      phrases.push({ key: 'scoring.qualificationRule.ranked', params: {} });
      break;
    case 'finished':
      phrases.push({ key: 'scoring.qualificationRule.finished', params: {} });
      break;
    case 'min-primary':
      phrases.push({
        key: 'scoring.qualificationRule.minPoints',
        params: { count: rule.threshold.value },
      });
      break;
    case 'max-primary':
      phrases.push({
        key: 'scoring.qualificationRule.maxTime',
        params: {
          time: formatResultTime(rule.threshold.value, timePrecisionOf(null, rule.threshold.value)),
        },
      });
      break;
  }
  return phrases;
}
