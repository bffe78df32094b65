import { both, DISCIPLINE_NAMES, STATUS_NAMES } from '../documents/bilingual-labels';
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

/** One line per team, in standings order, with everything an export file holds. */
export function resultTable(results: CategoryResults): (string | number | null)[][] {
  const discipline = DISCIPLINE_NAMES[results.category.discipline] ?? { kk: results.category.discipline, ru: results.category.discipline };
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
    row.display,
    row.status === 'ranked' ? '' : both(STATUS_NAMES[row.status]),
    results.category.preset,
  ]);
}
