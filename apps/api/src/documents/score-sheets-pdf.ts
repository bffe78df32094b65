import type { ScoreSheet } from '@olympiad/contracts';
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

const LABELS = {
  title: { kk: 'БАҒАЛАУ ПАРАҒЫ', ru: 'ОЦЕНОЧНЫЙ ЛИСТ' },
  category: { kk: 'Санат', ru: 'Категория' },
  field: { kk: 'Алаң', ru: 'Поле' },
  anyField: { kk: 'барлық алаңдар', ru: 'все поля' },
  attempt: { kk: 'Әрекет', ru: 'Попытка' },
  timeLimit: { kk: 'Уақыт шегі', ru: 'Лимит времени' },
  code: { kk: 'Парақ коды', ru: 'Код листа' },
  number: { kk: '№', ru: '№' },
  team: { kk: 'Команда', ru: 'Команда' },
  time: { kk: 'Уақыт', ru: 'Время' },
  touches: { kk: 'Жанасу', ru: 'Касания' },
  checkpoints: { kk: 'Бақылау нүктелері', ru: 'Контрольные точки' },
  notFinished: { kk: 'Мәреге жетпеді', ru: 'Не финишировал' },
  noStart: { kk: 'Шықпады', ru: 'Неявка' },
  judge: { kk: 'Төреші', ru: 'Судья' },
  headJudge: { kk: 'Бас төреші', ru: 'Главный судья' },
  signature: { kk: 'қолы', ru: 'подпись' },
  howTo: {
    kk: 'Уақытты м:сс.сс түрінде жазыңыз; мәреге жетпесе — соңғы бақылау нүктесіне дейінгі уақыт.',
    ru: 'Время пишите как м:сс.сс; если не финишировал — время до последней контрольной точки.',
  },
} as const;

const two = (label: { kk: string; ru: string }) =>
  label.kk === label.ru ? label.kk : `${label.kk}\n${label.ru}`;

const ROW_HEIGHT = 30;
const HEAD_HEIGHT = 36;
const PAD = 4;

/**
 * The round's sheets to print, one sheet (and page) per maze table: the teams in running order,
 * a box per line for the time, the touches, each checkpoint, "not finished" and "no start",
 * signature lines for the judge and the head judge, and a QR code naming the sheet on every page.
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
    const checkpoints = sheet.layout.checkpoints;
    const columns = [
      { label: two(LABELS.number), width: 28 },
      { label: LABELS.team.kk, width: 0 },
      { label: two(LABELS.time), width: 150 },
      { label: two(LABELS.touches), width: 70 },
      ...(checkpoints.length === 0
        ? []
        : checkpoints.length <= 6
          ? checkpoints.map((checkpoint) => ({ label: checkpoint.id, width: 40 }))
          : [{ label: two(LABELS.checkpoints), width: 200 }]),
      { label: two(LABELS.notFinished), width: 96 },
      { label: two(LABELS.noStart), width: 70 },
    ];
    columns[1].width = width - columns.reduce((sum, column) => sum + column.width, 0);

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
      const line = (label: { kk: string; ru: string }, value: string) =>
        doc
          .font('sansBold')
          .text(`${both(label)}: `, left, doc.y, { continued: true, width: textWidth })
          .font('sans')
          .text(value);
      line(LABELS.category, sheet.categoryName);
      line(LABELS.field, sheet.fieldName ?? both(LABELS.anyField));
      line(LABELS.attempt, String(sheet.round));
      line(LABELS.timeLimit, durationText(sheet.layout.timeLimitMs));
      line(LABELS.code, printedSheetCode(sheet.code));
      doc
        .fontSize(8)
        .fillColor('#444')
        .text(`${LABELS.howTo.kk}\n${LABELS.howTo.ru}`, left, doc.y, { width: textWidth })
        .fillColor('black');
      doc.y = Math.max(doc.y + 6, top + 104);
      drawRow(
        columns.map((column) => column.label),
        HEAD_HEIGHT,
        true,
      );
    };
    const drawRow = (values: string[], height: number, head: boolean) => {
      const top = doc.y;
      let x = left;
      values.forEach((value, column) => {
        const columnWidth = columns[column].width;
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

    header();
    for (const row of sheet.rows) {
      if (doc.y + ROW_HEIGHT > doc.page.height - doc.page.margins.bottom - 100) {
        doc.addPage();
        header();
      }
      const boxes = columns
        .slice(2)
        .map((column) =>
          checkpoints.length > 6 && column.width === 200
            ? checkpoints.map((c) => c.id).join('  ')
            : '',
        );
      drawRow([String(row.row), `${row.teamName}\n${row.school}`, ...boxes], ROW_HEIGHT, false);
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
