import { rowResultText, tablePrecisionOf, type TimePrecision } from '@olympiad/scoring';
import type { DocumentLanguages } from '@olympiad/contracts';
import {
  DISCIPLINE_NAMES,
  inLanguages,
  presetName,
  STATUS_NAMES,
  type DocumentLabel,
} from '../documents/bilingual-labels';
import type { CategoryResults } from '../documents/category-results.service';
import { pendingNotes, statusBeside } from '../documents/pending-notes';

const RESULT_COLUMNS: DocumentLabel[] = [
  { kk: 'Санат', ru: 'Категория', en: 'Category' },
  { kk: 'Пән', ru: 'Дисциплина', en: 'Discipline' },
  { kk: 'Жас тобы', ru: 'Возрастная группа', en: 'Age group' },
  { kk: 'Орын', ru: 'Место', en: 'Place' },
  { kk: 'Команда', ru: 'Команда', en: 'Team' },
  { kk: 'Мектеп', ru: 'Школа', en: 'School' },
  { kk: 'Облыс', ru: 'Регион', en: 'Region' },
  { kk: 'Елді мекен', ru: 'Населённый пункт', en: 'Town' },
  { kk: 'Қатысушылар', ru: 'Участники', en: 'Members' },
  { kk: 'Жаттықтырушы', ru: 'Тренер', en: 'Coach' },
  { kk: 'Нәтиже', ru: 'Результат', en: 'Result' },
  { kk: 'Мәртебе', ru: 'Статус', en: 'Status' },
  { kk: 'Ереже', ru: 'Регламент', en: 'Rules' },
];

/** A row's status with what it still awaits ("Ждёт второго ввода"), or "" for a settled place. */
function statusText(
  row: CategoryResults['rows'][number],
  precision: TimePrecision,
  languages: DocumentLanguages,
): string {
  const notes = pendingNotes(row, precision).map((note) => inLanguages(languages, note));
  const status = statusBeside(row, notes) ? inLanguages(languages, STATUS_NAMES[row.status]) : '';
  return [status, ...notes].filter(Boolean).join(' · ');
}

/** The header line of an export, in its languages ("Орын / Место", with "/ Place" when asked). */
export const resultColumns = (languages: DocumentLanguages): string[] =>
  RESULT_COLUMNS.map((label) => inLanguages(languages, label));

/**
 * One line per team, in standings order, with everything an export file holds. Results are text
 * written as on every screen (docs/results-display.md), so a spreadsheet never turns 0:41.000 into
 * a clock time or drops its zeros.
 */
export function resultTable(
  results: CategoryResults,
  languages: DocumentLanguages = 'kk-ru',
): (string | number | null)[][] {
  const discipline = DISCIPLINE_NAMES[results.category.discipline] ?? {
    kk: results.category.discipline,
    ru: results.category.discipline,
  };
  const precision = tablePrecisionOf(results.rows);
  const preset = inLanguages(languages, presetName(results.category.preset));
  return results.rows.map((row) => [
    results.category.name,
    inLanguages(languages, discipline),
    results.category.ageGroupLabel,
    row.place,
    row.team,
    row.school,
    row.regionCode ?? '',
    row.town,
    row.members.map((member) => `${member.name} (${member.grade})`).join(', '),
    row.coach,
    rowResultText(row, precision),
    statusText(row, precision, languages),
    preset,
  ]);
}
