import type { DocumentLanguages } from '@olympiad/contracts';
import type { CategoryResults } from '../documents/category-results.service';
import { resultColumns, resultTable } from './results-table';

const csvCell = (value: string | number | null) => {
  const text = value === null ? '' : String(value);
  // A leading = + - @ would run as a formula in Excel; quote it as text.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[";\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** UTF-8 with a BOM and semicolons: opens with Cyrillic intact in Russian-locale Excel and in LibreOffice. */
export function resultsCsv(
  categories: CategoryResults[],
  languages: DocumentLanguages = 'kk-ru',
): Buffer {
  const lines = [resultColumns(languages).map(csvCell).join(';')];
  for (const results of categories)
    for (const row of resultTable(results, languages)) lines.push(row.map(csvCell).join(';'));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

/** One sheet per category, named after it (Excel allows 31 characters and no []:*?/\). */
export async function resultsXlsx(
  categories: CategoryResults[],
  languages: DocumentLanguages = 'kk-ru',
): Promise<Buffer> {
  // Loaded on the first export, not at start (docs/performance.md#memory-per-viewer).
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Olympiad venue server';
  const used = new Set<string>();
  for (const results of categories) {
    let name = results.category.name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 28) || 'Sheet';
    for (let n = 2; used.has(name); n++) name = `${name.slice(0, 26)} ${n}`;
    used.add(name);
    const sheet = workbook.addWorksheet(name);
    sheet.addRow(resultColumns(languages)).font = { bold: true };
    for (const row of resultTable(results, languages)) sheet.addRow(row);
    sheet.columns.forEach(
      (column, index) =>
        (column.width = [24, 14, 10, 8, 24, 32, 14, 18, 40, 22, 14, 40, 16][index] ?? 16),
    );
    sheet.views = [{ state: 'frozen', ySplit: 1 }];
  }
  if (categories.length === 0) workbook.addWorksheet('—');
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
