import type { DiplomaDesign } from '@olympiad/contracts';
import { formatDate } from '@olympiad/i18n';
import { both, DISCIPLINE_NAMES } from './bilingual-labels';
import type { CategoryResults, ResultRow } from './category-results.service';
import { drawDiplomaCheckMark, type DiplomaCheckMark } from './diploma-check-mark';
import { newPdf, pdfBytes } from './pdf-document';

const ROMAN = ['I', 'II', 'III'];

/** Places 1–3 get a diploma of that degree; every other team that took part a certificate. */
function titleOf(row: ResultRow): { kk: string; ru: string; winner: boolean } {
  if (row.status === 'ranked' && row.place !== null && row.place <= 3) {
    const degree = ROMAN[row.place - 1];
    return { kk: `${degree} дәрежелі ДИПЛОМ`, ru: `ДИПЛОМ ${degree} степени`, winner: true };
  }
  return { kk: 'ҚАТЫСУШЫ СЕРТИФИКАТЫ', ru: 'СЕРТИФИКАТ УЧАСТНИКА', winner: false };
}

/**
 * One landscape page per team member: name, team, school, place, category and stage, in Kazakh
 * and Russian. Absent and withdrawn teams get none. Two designs: a framed classic one (serif)
 * and a modern one with a coloured band.
 */
export async function renderDiplomasPdf(
  results: CategoryResults,
  design: DiplomaDesign,
  who: 'winners' | 'all',
  /** Each page's check code and QR code (docs/diplomas.md); none when left out. */
  checkMark?: (
    row: ResultRow,
    recipient: string,
    place: number | null,
  ) => Promise<DiplomaCheckMark>,
): Promise<Buffer> {
  const doc = newPdf({
    title: `Дипломы — ${results.category.name}`,
    layout: 'landscape',
    margin: 0,
  });
  const { width, height } = doc.page;
  const rows = results.rows.filter(
    (row) =>
      row.status !== 'absent' &&
      row.status !== 'withdrawn' &&
      (who === 'all' || titleOf(row).winner),
  );
  const discipline = both(
    DISCIPLINE_NAMES[results.category.discipline] ?? {
      kk: results.category.discipline,
      ru: results.category.discipline,
    },
  );
  const heading = design === 'classic' ? 'serifBold' : 'sansBold';
  const body = design === 'classic' ? 'serif' : 'sans';
  const accent = design === 'classic' ? '#7a5c12' : '#0b5cad';

  let first = true;
  for (const row of rows) {
    const title = titleOf(row);
    for (const member of row.members.length > 0 ? row.members : [{ name: row.team, grade: 0 }]) {
      if (!first) doc.addPage({ size: 'A4', layout: 'landscape', margin: 0 });
      first = false;
      let x = 70;
      let textWidth = width - 140;
      if (design === 'classic') {
        doc
          .lineWidth(4)
          .rect(24, 24, width - 48, height - 48)
          .stroke(accent);
        doc
          .lineWidth(1)
          .rect(34, 34, width - 68, height - 68)
          .stroke(accent);
      } else {
        doc.rect(0, 0, 120, height).fill(accent);
        doc.rect(120, 0, 8, height).fill('#f2b705');
        x = 170;
        textWidth = width - 220;
      }
      if (checkMark)
        await drawDiplomaCheckMark(
          doc,
          await checkMark(row, member.name, title.winner ? row.place : null),
          design,
        );
      const centred = {
        width: textWidth,
        align: design === 'classic' ? ('center' as const) : ('left' as const),
      };
      doc
        .fillColor('#333')
        .font(body)
        .fontSize(12)
        .text(`${results.olympiad.name} · ${results.olympiad.season}`, x, 70, centred);
      doc
        .fillColor(accent)
        .font(heading)
        .fontSize(title.winner ? 34 : 28)
        .text(title.kk, x, 110, centred);
      doc.fontSize(title.winner ? 22 : 18).text(title.ru, centred);
      doc
        .moveDown(0.8)
        .fillColor('#333')
        .font(body)
        .fontSize(12)
        .text('марапатталады / награждается', centred);
      doc.moveDown(0.4).fillColor('black').font(heading).fontSize(26).text(member.name, centred);
      doc
        .moveDown(0.3)
        .font(body)
        .fontSize(13)
        .text(`«${row.team}» командасы / команда «${row.team}»`, centred);
      doc.text(row.school, centred);
      doc.moveDown(0.6).fontSize(12);
      if (title.winner)
        doc.font(heading).text(`${row.place}-орын / ${row.place} место`, centred).font(body);
      doc.text(
        `${discipline} · ${results.category.name} · ${results.category.ageGroupLabel} сынып / класс`,
        centred,
      );
      doc.text(
        [results.stage.name, results.stage.regionName ? both(results.stage.regionName) : '']
          .filter(Boolean)
          .join(' — '),
        centred,
      );
      const y = height - 110;
      doc
        .moveTo(x, y)
        .lineTo(x + 220, y)
        .stroke('#333');
      doc
        .fontSize(9)
        .fillColor('#555')
        .text('Бас төреші / Главный судья', x, y + 4, { width: 220 });
      doc
        .moveTo(x + textWidth - 220, y)
        .lineTo(x + textWidth, y)
        .stroke('#333');
      doc.text('Ұйымдастырушы / Организатор', x + textWidth - 220, y + 4, { width: 220 });
      const day =
        formatDate(results.stage.startsOn, 'ru', 'UTC', { numeric: true }) ||
        results.stage.startsOn;
      doc.text(day, x, y + 30, { width: textWidth, align: 'center' });
    }
  }
  if (first)
    doc.font(body).fontSize(14).text('Дипломға үміткер жоқ / Нет участников для дипломов', 70, 80);
  return pdfBytes(doc);
}
