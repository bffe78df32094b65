/**
 * Benchmark (not a test): importing a 2,000-team XLSX through the real venue server (preview, then
 * confirm on a fresh stage), next to a bare baseline measured in the same run: exceljs reading the
 * same workbook in this process, which any XLSX import must pay. Figures are medians of 5 runs.
 *
 * Run (after `npx tsc -p apps/api/tsconfig.app.json`):
 *   npx rolldown tests/perf/registration-import.bench.ts --file dist/perf/registration-import.bench.cjs \
 *     --format cjs --platform node --tsconfig tsconfig.base.json --external exceljs --external supertest \
 *     && node dist/perf/registration-import.bench.cjs
 */
import ExcelJS from 'exceljs';
import request from 'supertest';
import { createRegionalStage } from '../support/regional-stage';
import { startVenue } from '../support/start-venue';
import { organiserToken } from '../support/venue-api';

const ROWS = 2_000;
const RUNS = 5;

async function workbook(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Тіркеу');
  sheet.addRow(['Команда атауы', 'Мектеп', 'Облыс', 'Санат', 'Қатысушы 1', 'Сынып 1', 'Қатысушы 2', 'Сынып 2']);
  for (let i = 0; i < ROWS; i++) {
    const grade = 3 + (i % 4);
    sheet.addRow([`Қыран-${i + 1}`, `№${(i % 173) + 1} мектеп`, 'Ақтөбе облысы', i % 2 ? 'Сумо' : 'Лабиринт', `Әлихан ${i}`, grade, `Іңкәр ${i}`, grade]);
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
async function timed(run: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

async function main() {
  const file = await workbook();
  const bare: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    bare.push(
      await timed(async () => {
        const book = new ExcelJS.Workbook();
        await book.xlsx.load(file as unknown as ArrayBuffer);
        let cells = 0;
        book.worksheets[0].eachRow((row) => (cells += row.cellCount));
      }),
    );
  }

  const venue = await startVenue();
  try {
    const token = await organiserToken(venue);
    const auth = { Authorization: `Bearer ${token}` };
    const preview: number[] = [];
    const confirm: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const stage = await createRegionalStage(venue, token);
      let fileHash = '';
      preview.push(
        await timed(async () => {
          const answer = await request(venue.url).post(`/api/stages/${stage.stageId}/registration/preview`).set(auth).attach('file', file, 'teams.xlsx').expect(200);
          fileHash = answer.body.fileHash;
        }),
      );
      confirm.push(
        await timed(() =>
          request(venue.url).post(`/api/stages/${stage.stageId}/registration/confirm`).set(auth).attach('file', file, 'teams.xlsx').field('fileHash', fileHash).expect(201),
        ),
      );
    }
    const line = (name: string, ms: number) => `${name.padEnd(44)} ${ms.toFixed(0).padStart(6)} ms   ${(ms / median(bare)).toFixed(1)}× bare`;
    console.log(`Registration import, ${ROWS}-row XLSX (${(file.length / 1024).toFixed(0)} KB), medians of ${RUNS}`);
    console.log(line('bare: exceljs reads the workbook in-process', median(bare)));
    console.log(line('preview over HTTP (read, map, check, answer)', median(preview)));
    console.log(line('confirm over HTTP (check again, write 2,000)', median(confirm)));
  } finally {
    await venue.stop();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
