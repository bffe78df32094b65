import { parse } from 'csv-parse/sync';
import * as iconv from 'iconv-lite';
import { invalid } from '../common/api-error';

export interface TableRow {
  /** Line of the CSV file or row number of the sheet (1 = header). */
  line: number;
  cells: string[];
}

export interface Table {
  format: 'csv' | 'xlsx';
  encoding?: 'utf-8' | 'utf-8-bom' | 'windows-1251';
  delimiter?: string;
  header: string[];
  rows: TableRow[];
}

export const MAX_IMPORT_ROWS = 10_000;
const UTF8_BOM = [0xef, 0xbb, 0xbf];
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

const startsWith = (bytes: Buffer, prefix: number[]) => prefix.every((byte, index) => bytes[index] === byte);

const unreadable = (message: string) =>
  invalid(message, [{ path: 'file', key: 'registration.unreadableFile', message }], 'registration.unreadableFile');

/** Reads the first sheet of an XLSX file or a CSV file into a header and trimmed cells. */
export async function readTable(bytes: Buffer, fileName: string): Promise<Table> {
  if (bytes.length === 0) throw unreadable('the file is empty');
  const table = startsWith(bytes, ZIP_MAGIC) ? await readXlsx(bytes) : readCsv(bytes);
  if (table.header.every((cell) => cell === '')) throw unreadable(`${fileName}: the first row has no column headers`);
  if (table.rows.length > MAX_IMPORT_ROWS) {
    throw unreadable(`${fileName}: ${table.rows.length} rows, at most ${MAX_IMPORT_ROWS} per file`);
  }
  return table;
}

/**
 * Russian-locale Excel saves "CSV" as Windows-1251 with semicolons; newer Excel and Google Sheets
 * save UTF-8, sometimes with a BOM. Bytes that are not valid UTF-8 are taken as Windows-1251.
 */
function decodeCsv(bytes: Buffer): { text: string; encoding: NonNullable<Table['encoding']> } {
  if (startsWith(bytes, UTF8_BOM)) return { text: bytes.subarray(3).toString('utf8'), encoding: 'utf-8-bom' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(bytes, 'win1251'), encoding: 'windows-1251' };
  }
}

/** The delimiter that occurs most often in the header line outside quotes. */
function guessDelimiter(text: string): string {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const counts = new Map<string, number>([[';', 0], [',', 0], ['\t', 0]]);
  let quoted = false;
  for (const char of firstLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && counts.has(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
}

function readCsv(bytes: Buffer): Table {
  if (bytes.includes(0)) throw unreadable('the file is neither CSV text nor an XLSX workbook');
  const { text, encoding } = decodeCsv(bytes);
  const delimiter = guessDelimiter(text);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { delimiter, relax_column_count: true, relax_quotes: true, info: true, skip_empty_lines: false }) as unknown as typeof records;
  } catch (error) {
    throw unreadable(`the CSV could not be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  const [head, ...body] = records;
  return {
    format: 'csv',
    encoding,
    delimiter,
    header: (head?.record ?? []).map((cell) => cell.trim()),
    rows: body
      .map(({ record, info }) => ({ line: info.lines, cells: record.map((cell) => cell.trim()) }))
      .filter((row) => row.cells.some((cell) => cell !== '')),
  };
}

async function readXlsx(bytes: Buffer): Promise<Table> {
  // Loaded on the first import, not at start (docs/performance.md#memory-per-viewer).
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs's typings predate Buffer<ArrayBufferLike>.
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw unreadable(`the XLSX could not be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw unreadable('the workbook has no sheet');
  const width = sheet.columnCount;
  const rows: TableRow[] = [];
  let header: string[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let column = 1; column <= width; column++) cells.push(row.getCell(column).text.trim());
    if (header.length === 0) header = cells;
    else if (cells.some((cell) => cell !== '')) rows.push({ line: rowNumber, cells });
  });
  return { format: 'xlsx', header, rows };
}
