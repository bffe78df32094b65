import type { RegistrationColumn, RegistrationField, RegistrationMapping } from '@olympiad/contracts';
import { REQUIRED_REGISTRATION_FIELDS } from '@olympiad/contracts';
import { searchKey } from '@olympiad/i18n';

/**
 * Words that name a column in the files schools send, compared by `searchKey` (lowercase, Kazakh
 * letters folded to Russian ones, so "Сынып" and "сынып" and "Мектеп" match however typed).
 * Checked in this order: "Класс участника 2" is a grade, not a member; "Классный руководитель" a coach.
 */
const HEADER_WORDS: { field: 'grade' | 'member' | Exclude<RegistrationField, `${'grade' | 'member'}${number}`>; words: string[] }[] = [
  { field: 'coach', words: ['тренер', 'руководител', 'наставник', 'педагог', 'учител', 'жаттыктырушы', 'жетекши', 'мугалим', 'coach', 'teacher', 'mentor'] },
  { field: 'grade', words: ['класс', 'сынып', 'сыныб', 'grade'] },
  { field: 'member', words: ['участник', 'ученик', 'фио', 'катысушы', 'окушы', 'member', 'student', 'participant', 'pupil'] },
  { field: 'team', words: ['команд', 'топ', 'team'] },
  { field: 'school', words: ['школ', 'мектеп', 'учебн', 'организац', 'билим беру', 'уйым', 'гимназ', 'лице', 'school'] },
  { field: 'region', words: ['регион', 'област', 'облыс', 'онир', 'region', 'oblast'] },
  { field: 'town', words: ['город', 'населен', 'село', 'кала', 'елди мекен', 'ауыл', 'town', 'city', 'village'] },
  { field: 'category', words: ['категори', 'санат', 'номинац', 'дисциплин', 'направлен', 'багыт', 'category', 'discipline'] },
];

function fieldOfHeader(header: string): RegistrationField | null {
  const key = searchKey(header);
  if (!key) return null;
  const words = key.split(' ');
  for (const { field, words: names } of HEADER_WORDS) {
    if (!names.some((name) => (name.includes(' ') ? key.includes(name) : words.some((word) => word.startsWith(name))))) continue;
    if (field !== 'grade' && field !== 'member') return field;
    const number = Number(/\d+/.exec(key)?.[0] ?? '1');
    return number >= 1 && number <= 3 ? (`${field}${number}` as RegistrationField) : null;
  }
  return null;
}

/**
 * The columns of a file with the field each holds: recognised from the headers, then overridden
 * by the organiser's mapping. A field claimed by two columns keeps the first.
 */
export function mapColumns(header: string[], mapping?: RegistrationMapping): { columns: RegistrationColumn[]; missingFields: RegistrationField[] } {
  const taken = new Set<RegistrationField>();
  const chosen = new Set(Object.values(mapping ?? {}).filter((field): field is RegistrationField => field !== null));
  const columns = header.map((text, index): RegistrationColumn => {
    const override = mapping?.[String(index)];
    let field = override !== undefined ? override : fieldOfHeader(text);
    // A recognised field the organiser moved to another column is not claimed here too.
    if (override === undefined && field && chosen.has(field)) field = null;
    if (field && taken.has(field)) field = null;
    if (field) taken.add(field);
    return { index, header: text, field, recognised: override === undefined && field !== null };
  });
  return { columns, missingFields: REQUIRED_REGISTRATION_FIELDS.filter((field) => !taken.has(field)) };
}
