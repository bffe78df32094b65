import ExcelJS from 'exceljs';

/** A 2,000-team XLSX with Kazakh headers, as a regional office would fill it (maze and sumo, grades 3–6). */
export async function twoThousandTeamsXlsx(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Тіркеу');
  sheet.addRow(['Команда атауы', 'Мектеп', 'Облыс', 'Елді мекен', 'Санат', 'Жаттықтырушы', 'Қатысушы 1', 'Сынып 1', 'Қатысушы 2', 'Сынып 2']);
  const disciplines = ['Лабиринт', 'Сумо'];
  for (let i = 0; i < 2000; i++) {
    const grade = 3 + (i % 4); // 3–6: both age groups of both disciplines
    sheet.addRow([
      `Қыран-${i + 1}`,
      `№${(i % 173) + 1} мектеп`,
      'Ақтөбе облысы',
      'Ақтөбе',
      disciplines[i % 2],
      'Әбілқасымова Гүлнар',
      `Әлихан Нұрланұлы ${i}`,
      grade, // a number cell, as Excel stores it
      `Іңкәр Өтегенқызы ${i}`,
      `${grade} сынып`,
    ]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
