import { isMessageKey, ruleLinesText, t } from '@olympiad/i18n';
import { describeRuleSet, type RuleSet, type StandingStatus } from '@olympiad/scoring';

/**
 * Kazakh / Russian texts printed on official documents. Documents are bilingual whatever the
 * console's language, as protocols in Kazakhstan are; they live here, not in the UI catalogs.
 */
export const DISCIPLINE_NAMES: Record<string, { kk: string; ru: string }> = {
  maze: { kk: 'Лабиринт', ru: 'Лабиринт' },
  sumo: { kk: 'Сумо', ru: 'Сумо' },
  programming: { kk: 'Бағдарламалау', ru: 'Программирование' },
  creative: { kk: 'Шығармашылық жоба', ru: 'Творческий проект' },
};

export const STATUS_NAMES: Record<StandingStatus, { kk: string; ru: string }> = {
  ranked: { kk: '', ru: '' },
  'not-scored': { kk: 'Нәтиже жоқ', ru: 'Нет результата' },
  dnf: { kk: 'Мәреге жетпеді', ru: 'Не финишировал' },
  disqualified: { kk: 'Шеттетілді', ru: 'Дисквалифицирован' },
  absent: { kk: 'Келмеді', ru: 'Неявка' },
  withdrawn: { kk: 'Қатысудан бас тартты', ru: 'Снят с участия' },
};

/** The category's lock and publish history, as the protocol's footnote names each step (docs/audit.md). */
export const HISTORY_NAMES: Record<
  'category.lock' | 'category.unlock' | 'category.publish' | 'category.unpublish',
  { kk: string; ru: string }
> = {
  'category.lock': { kk: 'Санат құлыпталды', ru: 'Категория закрыта' },
  'category.unlock': { kk: 'Санаттың құлпы ашылды', ru: 'Категория открыта' },
  'category.publish': { kk: 'Нәтижелер жарияланды', ru: 'Результаты опубликованы' },
  'category.unpublish': { kk: 'Жариялау тоқтатылды', ru: 'Результаты сняты с публикации' },
};

/** What a protest disputes and how it was decided, on the protocol (docs/rules.md#protests). */
export const PROTEST_TARGET_NAMES = {
  ranking: { kk: 'қорытынды орын', ru: 'итоговое место' },
  entry: { kk: 'жазба', ru: 'запись' },
  match: { kk: 'матч', ru: 'матч' },
} as const;

export const PROTEST_STATUS_NAMES = {
  open: { kk: 'қаралмаған', ru: 'не рассмотрен' },
  upheld: { kk: 'қанағаттандырылды', ru: 'удовлетворён' },
  rejected: { kk: 'қабылданбады', ru: 'отклонён' },
} as const;

export const both = (label: { kk: string; ru: string }) =>
  label.kk === label.ru ? label.kk : `${label.kk} / ${label.ru}`;

/** The preset a category was made from, by its name in each language (never its id). */
export function presetName(preset: string): { kk: string; ru: string } {
  const key = `preset.${preset}`;
  if (!isMessageKey(key))
    return {
      kk: t('kk', 'console.categories.customPreset'),
      ru: t('ru', 'console.categories.customPreset'),
    };
  return { kk: t('kk', key), ru: t('ru', key) };
}

/** The rule set in force as sentences in each language, every parameter that changes a result. */
export function ruleSetText(ruleSet: RuleSet): { kk: string; ru: string } {
  const lines = describeRuleSet(ruleSet);
  return { kk: ruleLinesText('kk', lines), ru: ruleLinesText('ru', lines) };
}
