import type { MazeScoreSheet, ScoreSheet, SumoScoreSheet } from '@olympiad/contracts';
import { durationText, printedSheetCode } from '@olympiad/scoring';
import type * as QRCodeModule from 'qrcode';
import { both } from './bilingual-labels';
import { newPdf, pdfBytes } from './pdf-document';

/** What a sheet's QR code says: the sheet's code first, then where it belongs (README, "Paper fallback"). */
export function sheetQrText(sheet: ScoreSheet): string {
  const where = new URLSearchParams({
    stage: sheet.stageId,
    category: sheet.categoryId,
    field: sheet.fieldId ?? '',
    round: String(sheet.round),
  });
  return `olympiad-sheet:${sheet.code}?${where.toString()}`;
}

/** The QR encoder loads with the first sheets printed, as pdfkit does (docs/performance.md#memory-per-viewer). */
let qrcode: typeof QRCodeModule | undefined;
const QRCode = () => (qrcode ??= require('qrcode') as typeof QRCodeModule);

type Label = { kk: string; ru: string };

const LABELS = {
  title: { kk: 'БАҒАЛАУ ПАРАҒЫ', ru: 'ОЦЕНОЧНЫЙ ЛИСТ' },
  category: { kk: 'Санат', ru: 'Категория' },
  field: { kk: 'Алаң', ru: 'Поле' },
  anyField: { kk: 'барлық алаңдар', ru: 'все поля' },
  attempt: { kk: 'Әрекет', ru: 'Попытка' },
  set: { kk: 'Парақтар жиыны', ru: 'Набор листов' },
  timeLimit: { kk: 'Уақыт шегі', ru: 'Лимит времени' },
  pointsToWin: { kk: 'Жеңіс ұпайы', ru: 'Очков для победы' },
  code: { kk: 'Парақ коды', ru: 'Код листа' },
  number: { kk: '№', ru: '№' },
  team: { kk: 'Команда', ru: 'Команда' },
  match: { kk: 'Матч', ru: 'Матч' },
  time: { kk: 'Уақыт', ru: 'Время' },
  touches: { kk: 'Жанасу', ru: 'Касания' },
  checkpoints: { kk: 'Бақылау нүктелері', ru: 'Контрольные точки' },
  notFinished: { kk: 'Мәреге жетпеді', ru: 'Не финишировал' },
  noStart: { kk: 'Шықпады', ru: 'Неявка' },
  round: { kk: 'Раунд', ru: 'Раунд' },
  noShow: { kk: 'Келмеді (A/B)', ru: 'Неявка (A/B)' },
  judge: { kk: 'Төреші', ru: 'Судья' },
  headJudge: { kk: 'Бас төреші', ru: 'Главный судья' },
  signature: { kk: 'қолы', ru: 'подпись' },
  mazeHowTo: {
    kk: 'Уақытты м:сс.сс түрінде жазыңыз; мәреге жетпесе — соңғы бақылау нүктесіне дейінгі уақыт.',
    ru: 'Время пишите как м:сс.сс; если не финишировал — время до последней контрольной точки.',
  },
  sumoHowTo: {
    kk: 'Әр раундқа ұпай алған жақты (A немесе B) немесе тең болса «=» жазыңыз.',
    ru: 'В каждом раунде пишите сторону, получившую очко (A или B), или «=» при ничьей.',
  },
} as const;

const two = (label: Label) => (label.kk === label.ru ? label.kk : `${label.kk}\n${label.ru}`);

const ROW_HEIGHT = 30;
const HEAD_HEIGHT = 36;
const PAD = 4;

interface SheetTable {
  /** Header lines under the title: label and value. */
  facts: [Label, string][];
  howTo: Label;
  /** Width 0: the column that takes the rest of the page. */
  columns: { label: string; width: number }[];
  rows: string[][];
}

function mazeTable(sheet: MazeScoreSheet): SheetTable {
  const checkpoints = sheet.layout.checkpoints;
  const many = checkpoints.length > 6;
  return {
    facts: [
      [LABELS.attempt, String(sheet.round)],
      [LABELS.timeLimit, durationText(sheet.layout.timeLimitMs)],
    ],
    howTo: LABELS.mazeHowTo,
    columns: [
      { label: two(LABELS.number), width: 28 },
      { label: LABELS.team.kk, width: 0 },
      { label: two(LABELS.time), width: 150 },
      { label: two(LABELS.touches), width: 70 },
      ...(checkpoints.length === 0
        ? []
        : many
          ? [{ label: two(LABELS.checkpoints), width: 200 }]
          : checkpoints.map((checkpoint) => ({ label: checkpoint.id, width: 40 }))),
      { label: two(LABELS.notFinished), width: 96 },
      { label: two(LABELS.noStart), width: 70 },
    ],
    rows: sheet.rows.map((row) => [
      String(row.row),
      `${row.teamName}\n${row.school}`,
      '',
      '',
      ...(checkpoints.length === 0
        ? []
        : many
          ? [checkpoints.map((checkpoint) => checkpoint.id).join('  ')]
          : checkpoints.map(() => '')),
      '',
      '',
    ]),
  };
}

function sumoTable(sheet: SumoScoreSheet): SheetTable {
  const rounds = Array.from({ length: sheet.layout.maxRounds }, (_, index) => index + 1);
  return {
    facts: [
      [LABELS.set, String(sheet.round)],
      [LABELS.pointsToWin, String(sheet.layout.pointsToWin)],
    ],
    howTo: LABELS.sumoHowTo,
    columns: [
      { label: two(LABELS.number), width: 28 },
      { label: LABELS.match.kk, width: 60 },
      { label: `A · ${LABELS.team.kk}`, width: 0 },
      { label: `B · ${LABELS.team.kk}`, width: 0 },
      ...rounds.map((round) => ({ label: `${both(LABELS.round)}\n${round}`, width: 52 })),
      { label: two(LABELS.noShow), width: 90 },
    ],
    rows: sheet.rows.map((row) => [
      String(row.row),
      row.matchId,
      row.a.name,
      row.b.name,
      ...rounds.map(() => ''),
      '',
    ]),
  };
}

/**
 * The sheets to print, each from a new page: a maze table's teams in running order with boxes for
 * the time, the touches, each checkpoint, "not finished" and "no start", or a sumo ring's matches
 * in order with a box per round and "no show"; signature lines for the judge and the head judge,
 * and a QR code naming the sheet on every page.
 */
export async function renderScoreSheetsPdf(sheets: readonly ScoreSheet[]): Promise<Buffer> {
  const doc = newPdf({
    title: `${LABELS.title.ru} — ${sheets[0]?.categoryName ?? ''}`,
    layout: 'landscape',
    margin: 32,
  });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  for (const [index, sheet] of sheets.entries()) {
    if (index > 0) doc.addPage();
    const qr = await QRCode().toBuffer(sheetQrText(sheet), {
      errorCorrectionLevel: 'M',
      margin: 1,
      scale: 4,
    });
    const table = sheet.discipline === 'maze' ? mazeTable(sheet) : sumoTable(sheet);
    const columns = table.columns;
    const flexible = columns.filter((column) => column.width === 0);
    const rest = width - columns.reduce((sum, column) => sum + column.width, 0);
    const widths = columns.map((column) => column.width || rest / flexible.length);

    const drawRow = (values: string[], height: number, head: boolean) => {
      const top = doc.y;
      let x = left;
      values.forEach((value, column) => {
        const columnWidth = widths[column];
        if (head)
          doc
            .rect(x, top, columnWidth, height)
            .fillAndStroke('#eeeeee', '#555555')
            .fillColor('black');
        else doc.rect(x, top, columnWidth, height).stroke('#555555');
        doc
          .font(head ? 'sansBold' : 'sans')
          .fontSize(head ? 7 : 9)
          .text(value, x + PAD, top + PAD, {
            width: columnWidth - 2 * PAD,
            height: height - PAD,
            ellipsis: true,
          });
        x += columnWidth;
      });
      doc.x = left;
      doc.y = top + height;
    };
    const header = () => {
      const top = doc.page.margins.top;
      doc.image(qr, left + width - 86, top, { width: 86 });
      doc
        .font('sans')
        .fontSize(8)
        .text(printedSheetCode(sheet.code), left + width - 100, top + 88, {
          width: 100,
          align: 'center',
        });
      const textWidth = width - 110;
      doc.font('sansBold').fontSize(14).text(both(LABELS.title), left, top, { width: textWidth });
      doc.font('sans').fontSize(10);
      const line = (label: Label, value: string) =>
        doc
          .font('sansBold')
          .text(`${both(label)}: `, left, doc.y, { continued: true, width: textWidth })
          .font('sans')
          .text(value);
      line(LABELS.category, sheet.categoryName);
      line(LABELS.field, sheet.fieldName ?? both(LABELS.anyField));
      for (const [label, value] of table.facts) line(label, value);
      line(LABELS.code, printedSheetCode(sheet.code));
      doc
        .fontSize(8)
        .fillColor('#444')
        .text(`${table.howTo.kk}\n${table.howTo.ru}`, left, doc.y, { width: textWidth })
        .fillColor('black');
      doc.y = Math.max(doc.y + 6, top + 104);
      drawRow(
        columns.map((column) => column.label),
        HEAD_HEIGHT,
        true,
      );
    };

    header();
    for (const cells of table.rows) {
      if (doc.y + ROW_HEIGHT > doc.page.height - doc.page.margins.bottom - 100) {
        doc.addPage();
        header();
      }
      drawRow(cells, ROW_HEIGHT, false);
    }

    doc.y += 24;
    for (const role of [LABELS.judge, LABELS.headJudge]) {
      const y = doc.y + 14;
      doc
        .font('sans')
        .fontSize(9)
        .text(both(role), left, y - 10, { width: 180 });
      doc
        .moveTo(left + 190, y)
        .lineTo(left + 450, y)
        .stroke('#333333');
      doc
        .fontSize(7)
        .fillColor('#555')
        .text(both(LABELS.signature), left + 190, y + 2, { width: 260, align: 'center' })
        .fillColor('black');
      doc.y = y + 18;
    }
  }
  return pdfBytes(doc);
}
