import type { DocumentLanguages } from '@olympiad/contracts';
import { isMessageKey, ruleLinesText, t } from '@olympiad/i18n';
import { describeRuleSet, type RuleSet, type StandingStatus } from '@olympiad/scoring';

/**
 * Kazakh / Russian texts printed on official documents, with English for an organiser who asks
 * for it as a third language (README, "Documents in English"). Documents are bilingual whatever the
 * console's language, as protocols in Kazakhstan are; they live here, not in the UI catalogs.
 */
export interface DocumentLabel {
  kk: string;
  ru: string;
  en?: string;
}

export const DISCIPLINE_NAMES: Record<string, Required<DocumentLabel>> = {
  maze: { kk: 'Лабиринт', ru: 'Лабиринт', en: 'Maze' },
  sumo: { kk: 'Сумо', ru: 'Сумо', en: 'Sumo' },
  programming: { kk: 'Бағдарламалау', ru: 'Программирование', en: 'Programming' },
  creative: { kk: 'Шығармашылық жоба', ru: 'Творческий проект', en: 'Creative project' },
};

export const STATUS_NAMES: Record<StandingStatus, Required<DocumentLabel>> = {
  ranked: { kk: '', ru: '', en: '' },
  'not-scored': { kk: 'Нәтиже жоқ', ru: 'Нет результата', en: 'No result' },
  dnf: { kk: 'Мәреге жетпеді', ru: 'Не финишировал', en: 'Did not finish' },
  disqualified: { kk: 'Шеттетілді', ru: 'Дисквалифицирован', en: 'Disqualified' },
  absent: { kk: 'Келмеді', ru: 'Неявка', en: 'Absent' },
  withdrawn: { kk: 'Қатысудан бас тартты', ru: 'Снят с участия', en: 'Withdrawn' },
};

/** The category's lock and publish history, as the protocol's footnote names each step (docs/audit.md). */
export const HISTORY_NAMES: Record<
  'category.lock' | 'category.unlock' | 'category.publish' | 'category.unpublish',
  Required<DocumentLabel>
> = {
  'category.lock': { kk: 'Санат құлыпталды', ru: 'Категория закрыта', en: 'Category locked' },
  'category.unlock': {
    kk: 'Санаттың құлпы ашылды',
    ru: 'Категория открыта',
    en: 'Category unlocked',
  },
  'category.publish': {
    kk: 'Нәтижелер жарияланды',
    ru: 'Результаты опубликованы',
    en: 'Results published',
  },
  'category.unpublish': {
    kk: 'Жариялау тоқтатылды',
    ru: 'Результаты сняты с публикации',
    en: 'Results withdrawn from publication',
  },
};

/** What a protest disputes and how it was decided, on the protocol (docs/rules.md#protests). */
export const PROTEST_TARGET_NAMES = {
  ranking: { kk: 'қорытынды орын', ru: 'итоговое место', en: 'final place' },
  entry: { kk: 'жазба', ru: 'запись', en: 'entry' },
  match: { kk: 'матч', ru: 'матч', en: 'match' },
} as const;

export const PROTEST_STATUS_NAMES = {
  open: { kk: 'қаралмаған', ru: 'не рассмотрен', en: 'not decided' },
  upheld: { kk: 'қанағаттандырылды', ru: 'удовлетворён', en: 'upheld' },
  rejected: { kk: 'қабылданбады', ru: 'отклонён', en: 'rejected' },
} as const;

export const both = (label: DocumentLabel) =>
  label.kk === label.ru ? label.kk : `${label.kk} / ${label.ru}`;

/**
 * A label in the document's languages, "kk / ru" or "kk / ru / en" (a language that says the same
 * as the one before it is written once).
 */
export function inLanguages(languages: DocumentLanguages, label: DocumentLabel): string {
  const kkRu = both(label);
  if (languages !== 'kk-ru-en' || !label.en || label.en === label.ru) return kkRu;
  return kkRu ? `${kkRu} / ${label.en}` : label.en;
}

/** The preset a category was made from, by its name in each language (never its id). */
export function presetName(preset: string): Required<DocumentLabel> {
  const key = `preset.${preset}`;
  if (!isMessageKey(key))
    return {
      kk: t('kk', 'console.categories.customPreset'),
      ru: t('ru', 'console.categories.customPreset'),
      en: t('en', 'console.categories.customPreset'),
    };
  return { kk: t('kk', key), ru: t('ru', key), en: t('en', key) };
}

/** The rule set in force as sentences in each language, every parameter that changes a result. */
export function ruleSetText(ruleSet: RuleSet): Required<DocumentLabel> {
  const lines = describeRuleSet(ruleSet);
  return {
    kk: ruleLinesText('kk', lines),
    ru: ruleLinesText('ru', lines),
    en: ruleLinesText('en', lines),
  };
}
