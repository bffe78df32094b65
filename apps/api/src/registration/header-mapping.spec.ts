import { mapColumns } from './header-mapping';

describe('mapColumns', () => {
  it('recognises Russian headers as schools write them', () => {
    const { columns, missingFields } = mapColumns(['Название команды', 'Учебное заведение', 'Область', 'Направление', 'Руководитель', 'ФИО участника 1', 'Класс участника 1', 'ФИО участника 2', 'Класс участника 2']);
    expect(columns.map((column) => column.field)).toEqual(['team', 'school', 'region', 'category', 'coach', 'member1', 'grade1', 'member2', 'grade2']);
    expect(missingFields).toEqual([]);
  });

  it('recognises Kazakh headers, whatever the case of their letters', () => {
    const { columns } = mapColumns(['Команда атауы', 'МЕКТЕП', 'Облыс', 'Елді мекен', 'Санат', 'Жаттықтырушы', '1-қатысушы', '1-қатысушы сыныбы', 'Қатысушы 3', 'Сынып 3']);
    expect(columns.map((column) => column.field)).toEqual(['team', 'school', 'region', 'town', 'category', 'coach', 'member1', 'grade1', 'member3', 'grade3']);
  });

  it('keeps the first of two columns for one field, ignores unknown ones and names what is missing', () => {
    const { columns, missingFields } = mapColumns(['Команда', 'Team', 'Примечание']);
    expect(columns.map((column) => column.field)).toEqual(['team', null, null]);
    expect(missingFields).toEqual(['school', 'category', 'member1', 'grade1']);
  });

  it('lets the organiser map and unmap columns', () => {
    const { columns } = mapColumns(['Команда', 'X', 'Школа'], { 1: 'team', 2: null });
    expect(columns.map((column) => [column.field, column.recognised])).toEqual([
      [null, false],
      ['team', false],
      [null, false],
    ]);
  });
});
