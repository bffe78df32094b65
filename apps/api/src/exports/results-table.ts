import { rowResultText, tablePrecisionOf } from '@olympiad/scoring';
import { both, DISCIPLINE_NAMES, presetName, STATUS_NAMES } from '../documents/bilingual-labels';
import type { CategoryResults } from '../documents/category-results.service';

export const RESULT_COLUMNS = [
  'Санат / Категория',
  'Пән / Дисциплина',
  'Жас тобы / Возрастная группа',
  'Орын / Место',
  'Команда',
  'Мектеп / Школа',
  'Облыс / Регион',
  'Елді мекен / Населённый пункт',
  'Қатысушылар / Участники',
  'Жаттықтырушы / Тренер',
  'Нәтиже / Результат',
  'Мәртебе / Статус',
  'Ереже / Регламент',
] as const;

/**
 * One line per team, in standings order, with everything an export file holds. Results are text
 * written as on every screen (docs/results-display.md), so a spreadsheet never turns 0:41.000 into
 * a clock time or drops its zeros.
 */
export function resultTable(results: CategoryResults): (string | number | null)[][] {
  const discipline = DISCIPLINE_NAMES[results.category.discipline] ?? {
    kk: results.category.discipline,
    ru: results.category.discipline,
  };
  const precision = tablePrecisionOf(results.rows);
  const preset = both(presetName(results.category.preset));
  return results.rows.map((row) => [
    results.category.name,
    both(discipline),
    results.category.ageGroupLabel,
    row.place,
    row.team,
    row.school,
    row.regionCode ?? '',
    row.town,
    row.members.map((member) => `${member.name} (${member.grade})`).join(', '),
    row.coach,
    rowResultText(row, precision),
    row.status === 'ranked' ? '' : both(STATUS_NAMES[row.status]),
    preset,
  ]);
}
