import type { StandingStatus } from '@olympiad/scoring';

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

export const both = (label: { kk: string; ru: string }) => (label.kk === label.ru ? label.kk : `${label.kk} / ${label.ru}`);

/** The rule set in force as one line of "parameter: value" pairs, for the protocol. */
export function ruleSetSummary(ruleSet: { preset?: string; params?: unknown }): string {
  const params = (ruleSet.params ?? {}) as Record<string, unknown>;
  const parts = Object.entries(params).map(([key, value]) => `${key}: ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`);
  return [`preset: ${ruleSet.preset ?? '—'}`, ...parts].join('; ');
}
