import type { Lang } from './languages';
import { translateKey, type MessageParams } from './translate';

/** A statement about a rule set as libs/scoring's describeRuleSet gives it (a `rules.*` key). */
export interface RuleLineText {
  key: string;
  params?: MessageParams;
  list?: RuleLineText[];
}

function lineText(lang: Lang, line: RuleLineText): string {
  const list = line.list?.map((item) => lineText(lang, item)).join(', ');
  const params = list === undefined ? line.params : { ...line.params, list };
  return translateKey(lang, line.key, line.key, params);
}

/** Rule statements as one sentence in `lang`: "Best of 3 attempts; time limit 3:00; …". */
export function ruleLinesText(lang: Lang, lines: readonly RuleLineText[]): string {
  const text = lines.map((line) => lineText(lang, line)).join('; ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
