import type { DiplomaDesign, DocumentLanguages } from '@olympiad/contracts';
import { formatDate } from '@olympiad/i18n';
import { DISCIPLINE_NAMES, inLanguages, type DocumentLabel } from './bilingual-labels';
import type { CategoryResults, ResultRow } from './category-results.service';
import { drawDiplomaCheckMark, type DiplomaCheckMark } from './diploma-check-mark';
import { newPdf, pdfBytes } from './pdf-document';

const ROMAN = ['I', 'II', 'III'];

/** Places 1–3 get a diploma of that degree; every other team that took part a certificate. */
function titleOf(row: ResultRow): { kk: string; ru: string; en: string; winner: boolean } {
  if (row.status === 'ranked' && row.place !== null && row.place <= 3) {
    const degree = ROMAN[row.place - 1];
    return {
      kk: `${degree} дәрежелі ДИПЛОМ`,
      ru: `ДИПЛОМ ${degree} степени`,
      en: `DIPLOMA OF THE ${degree} DEGREE`,
      winner: true,
    };
  }
  return {
    kk: 'ҚАТЫСУШЫ СЕРТИФИКАТЫ',
    ru: 'СЕРТИФИКАТ УЧАСТНИКА',
    en: 'CERTIFICATE OF PARTICIPATION',
    winner: false,
  };
}

/** Whether a team gets a diploma of a degree (not a certificate): what `who=winners` prints. */
export const getsDiploma = (row: ResultRow) => titleOf(row).winner;

/**
 * One landscape page per team member: name, team, school, place, category and stage, in Kazakh
 * and Russian, with English as a third language when asked (README, "Documents in English"). Absent and withdrawn teams get none. Two designs: a framed classic one (serif)
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
  languages: DocumentLanguages = 'kk-ru',
): Promise<Buffer> {
  const say = (label: DocumentLabel) => inLanguages(languages, label);
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
  const discipline = say(
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
      if (languages === 'kk-ru-en') doc.fontSize(title.winner ? 16 : 14).text(title.en, centred);
      doc
        .moveDown(0.8)
        .fillColor('#333')
        .font(body)
        .fontSize(12)
        .text(say({ kk: 'марапатталады', ru: 'награждается', en: 'is awarded to' }), centred);
      doc.moveDown(0.4).fillColor('black').font(heading).fontSize(26).text(member.name, centred);
      doc
        .moveDown(0.3)
        .font(body)
        .fontSize(13)
        .text(
          say({
            kk: `«${row.team}» командасы`,
            ru: `команда «${row.team}»`,
            en: `team «${row.team}»`,
          }),
          centred,
        );
      doc.text(row.school, centred);
      doc.moveDown(0.6).fontSize(12);
      if (title.winner)
        doc
          .font(heading)
          .text(
            say({ kk: `${row.place}-орын`, ru: `${row.place} место`, en: `place ${row.place}` }),
            centred,
          )
          .font(body);
      doc.text(
        `${discipline} · ${results.category.name} · ${results.category.ageGroupLabel} ${say({ kk: 'сынып', ru: 'класс', en: 'grades' })}`,
        centred,
      );
      doc.text(
        [results.stage.name, results.stage.regionName ? say(results.stage.regionName) : '']
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
        .text(say({ kk: 'Бас төреші', ru: 'Главный судья', en: 'Head judge' }), x, y + 4, {
          width: 220,
        });
      doc
        .moveTo(x + textWidth - 220, y)
        .lineTo(x + textWidth, y)
        .stroke('#333');
      doc.text(
        say({ kk: 'Ұйымдастырушы', ru: 'Организатор', en: 'Organiser' }),
        x + textWidth - 220,
        y + 4,
        { width: 220 },
      );
      const day =
        formatDate(results.stage.startsOn, 'ru', 'UTC', { numeric: true }) ||
        results.stage.startsOn;
      doc.text(day, x, y + 30, { width: textWidth, align: 'center' });
    }
  }
  if (first)
    doc
      .font(body)
      .fontSize(14)
      .text(
        say({
          kk: 'Дипломға үміткер жоқ',
          ru: 'Нет участников для дипломов',
          en: 'No one to award a diploma',
        }),
        70,
        80,
      );
  return pdfBytes(doc);
}
