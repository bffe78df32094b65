import type { DocumentLanguages } from '@olympiad/contracts';
import { formatDate, formatDateTime, timeZoneLabel } from '@olympiad/i18n';
import { inspectionText } from './inspection-text';
import {
  entryModeOf,
  rowResultText,
  tablePrecisionOf,
  type TimePrecision,
} from '@olympiad/scoring';
import {
  DISCIPLINE_NAMES,
  HISTORY_NAMES,
  inLanguages,
  presetName,
  PROTEST_STATUS_NAMES,
  PROTEST_TARGET_NAMES,
  ruleSetText,
  STATUS_NAMES,
  type DocumentLabel,
} from './bilingual-labels';
import type { CategoryResults, ResultRow } from './category-results.service';
import { pendingNotes, statusBeside } from './pending-notes';
import { newPdf, pdfBytes } from './pdf-document';

const COLUMNS = [
  { label: { kk: 'Орын', ru: 'Место', en: 'Place' }, width: 42 },
  { label: { kk: 'Команда', ru: 'Команда', en: 'Team' }, width: 110 },
  { label: { kk: 'Мектеп', ru: 'Школа', en: 'School' }, width: 130 },
  { label: { kk: 'Қатысушылар', ru: 'Участники', en: 'Members' }, width: 140 },
  { label: { kk: 'Нәтиже', ru: 'Результат', en: 'Result' }, width: 93 },
] as const;

/** A column heading, one language a line. */
const heading = (languages: DocumentLanguages, label: DocumentLabel) =>
  inLanguages(languages, label).split(' / ').join('\n');
const CELL_PAD = 4;

function cells(row: ResultRow, precision: TimePrecision, languages: DocumentLanguages): string[] {
  const status = STATUS_NAMES[row.status];
  const place = row.place === null ? '—' : String(row.place);
  const shown = rowResultText(row, precision);
  // One language a line: a note runs long, and the column is narrow.
  const notes = pendingNotes(row, precision).map((note) =>
    inLanguages(languages, note).split(' / ').join('\n'),
  );
  const result = [shown, statusBeside(row, notes) ? inLanguages(languages, status) : '', ...notes]
    .filter(Boolean)
    .join('\n');
  const members = row.members.map((member) => `${member.name} (${member.grade})`).join('\n');
  return [place, row.team, [row.school, row.town].filter(Boolean).join(', '), members, result];
}

/** A stage date ("2026-05-01") in figures, as Kazakh and Russian both write it. */
const stageDate = (day: string) => formatDate(day, 'ru', 'UTC', { numeric: true }) || day;

/**
 * The official results protocol of one category: bilingual kk/ru headings (English as a third
 * language when asked, README "Documents in English"), the stage, the rule
 * set in force as sentences, places and results (every time in the table's precision,
 * docs/results-display.md), a signature line for every judge, and when it was made in the venue's
 * time zone.
 */
export async function renderProtocolPdf(
  results: CategoryResults,
  generatedAt: Date,
  timeZone: string,
  languages: DocumentLanguages = 'kk-ru',
): Promise<Buffer> {
  const { olympiad, stage, category } = results;
  const say = (label: DocumentLabel) => inLanguages(languages, label);
  const doc = newPdf({ title: `${category.name} — ${stage.name}` });
  const left = doc.page.margins.left;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;

  doc
    .font('sansBold')
    .fontSize(15)
    .text(say({ kk: 'ХАТТАМА', ru: 'ПРОТОКОЛ', en: 'RESULTS PROTOCOL' }), { align: 'center' });
  doc
    .font('sans')
    .fontSize(10)
    .text(
      say({ kk: 'Жарыс нәтижелері', ru: 'Результаты соревнований', en: 'Competition results' }),
      { align: 'center' },
    )
    .moveDown(0.6);
  const line = (label: string, value: string) => {
    doc.font('sansBold').text(`${label}: `, { continued: true }).font('sans').text(value);
  };
  doc.fontSize(10);
  line(
    say({ kk: 'Олимпиада', ru: 'Олимпиада', en: 'Olympiad' }),
    `${olympiad.name} (${olympiad.season})`,
  );
  line(
    say({ kk: 'Кезең', ru: 'Этап', en: 'Stage' }),
    [stage.name, stage.regionName ? say(stage.regionName) : ''].filter(Boolean).join(' — '),
  );
  if (stage.venue)
    line(say({ kk: 'Өткізу орны', ru: 'Место проведения', en: 'Venue' }), stage.venue);
  line(
    say({ kk: 'Күні', ru: 'Дата', en: 'Date' }),
    stage.startsOn === stage.endsOn
      ? stageDate(stage.startsOn)
      : `${stageDate(stage.startsOn)} – ${stageDate(stage.endsOn)}`,
  );
  line(
    say({ kk: 'Санат', ru: 'Категория', en: 'Category' }),
    `${category.name} · ${say(DISCIPLINE_NAMES[category.discipline] ?? { kk: category.discipline, ru: category.discipline })} · ${category.ageGroupLabel} ${say({ kk: 'сынып', ru: 'класс', en: 'grades' })}`,
  );
  line(say({ kk: 'Ереже', ru: 'Регламент', en: 'Rules' }), say(presetName(category.preset)));
  const rules = ruleSetText(category.ruleSet);
  doc.font('sans').fontSize(8).text(rules.kk).text(rules.ru);
  if (languages === 'kk-ru-en') doc.text(rules.en);
  // docs/rules.md#double-entry: every result was entered by two judges, or decided by the head judge.
  // Only once it is true of every row: a provisional protocol's pending rows say what they await.
  if (entryModeOf(category.ruleSet) === 'double' && !results.rows.some((row) => row.review)) {
    doc.font('sansBold').text(
      say({
        kk: 'Қос енгізу: әр нәтижені екі төреші енгізді және тексерді',
        ru: 'Двойной ввод: каждый результат внесли и сверили два судьи',
        en: 'Double entry: every result was entered and checked by two judges',
      }),
    );
  }
  doc
    .fontSize(8)
    .fillColor('#555')
    .text(
      `${say({ kk: 'Нәтижелер нұсқасы', ru: 'Версия результатов', en: 'Results version' })}: ${category.standingsVersion}${category.status === 'locked' ? '' : ` · ${say({ kk: 'алдын ала', ru: 'предварительные', en: 'provisional' })}`}`,
    );
  doc.fillColor('black').moveDown(0.8);

  const drawRow = (values: string[], bold: boolean) => {
    doc.font(bold ? 'sansBold' : 'sans').fontSize(9);
    const heights = values.map((value, index) =>
      doc.heightOfString(value || ' ', { width: COLUMNS[index].width - 2 * CELL_PAD }),
    );
    const height = Math.max(...heights) + 2 * CELL_PAD;
    if (doc.y + height > doc.page.height - doc.page.margins.bottom - 20) {
      doc.addPage();
      if (!bold)
        drawRow(
          COLUMNS.map((column) => heading(languages, column.label)),
          true,
        );
    }
    const top = doc.y;
    let x = left;
    values.forEach((value, index) => {
      const columnWidth = COLUMNS[index].width;
      if (bold)
        doc
          .rect(x, top, columnWidth, height)
          .fillAndStroke('#eeeeee', '#999999')
          .fillColor('black');
      else doc.rect(x, top, columnWidth, height).stroke('#999999');
      doc.text(value, x + CELL_PAD, top + CELL_PAD, { width: columnWidth - 2 * CELL_PAD });
      x += columnWidth;
    });
    doc.x = left;
    doc.y = top + height;
  };
  drawRow(
    COLUMNS.map((column) => heading(languages, column.label)),
    true,
  );
  if (results.rows.length === 0)
    drawRow(
      ['—', say({ kk: 'Командалар жоқ', ru: 'Нет команд', en: 'No teams' }), '', '', ''],
      false,
    );
  const precision = tablePrecisionOf(results.rows);
  for (const row of results.rows) drawRow(cells(row, precision, languages), false);

  doc.moveDown(1.5).x = left;
  doc
    .font('sansBold')
    .fontSize(10)
    .text(say({ kk: 'Төрешілер', ru: 'Судьи', en: 'Judges' }), left, doc.y, { width });
  doc.moveDown(0.5);
  const judges = [...results.judges].sort((a, b) =>
    a.role === b.role ? 0 : a.role === 'head-judge' ? -1 : 1,
  );
  if (judges.length === 0) judges.push({ name: '', role: 'head-judge' });
  for (const judge of judges) {
    if (doc.y > doc.page.height - doc.page.margins.bottom - 40) doc.addPage();
    const y = doc.y + 14;
    const role = say(
      judge.role === 'head-judge'
        ? { kk: 'Бас төреші', ru: 'Главный судья', en: 'Head judge' }
        : { kk: 'Төреші', ru: 'Судья', en: 'Judge' },
    );
    doc
      .font('sans')
      .fontSize(9)
      .text(role, left, y - 10, { width: 150 });
    doc.text(judge.name || ' ', left + 150, y - 10, { width: 170 });
    doc
      .moveTo(left + 330, y)
      .lineTo(left + width, y)
      .stroke('#333333');
    doc
      .fontSize(7)
      .fillColor('#555')
      .text(say({ kk: 'қолы', ru: 'подпись', en: 'signature' }), left + 330, y + 2, {
        width: width - 330,
        align: 'center',
      })
      .fillColor('black');
    doc.x = left;
    doc.y = y + 16;
  }

  // Every protest and its decision (docs/rules.md#protests).
  if (results.protests.length > 0) {
    doc.moveDown(1).x = left;
    if (doc.y > doc.page.height - doc.page.margins.bottom - 60) doc.addPage();
    doc
      .font('sansBold')
      .fontSize(10)
      .text(say({ kk: 'Наразылықтар', ru: 'Протесты', en: 'Protests' }), left, doc.y, { width });
    for (const protest of results.protests) {
      if (doc.y > doc.page.height - doc.page.margins.bottom - 40) doc.addPage();
      const at = formatDateTime(protest.receivedAt, 'ru', timeZone, { numeric: true });
      const target = say(PROTEST_TARGET_NAMES[protest.target.kind]);
      const which =
        protest.target.kind === 'match'
          ? ` ${protest.target.matchId}`
          : protest.target.kind === 'entry'
            ? ` ${protest.target.entryId.slice(0, 8)}`
            : '';
      doc
        .font('sansBold')
        .fontSize(8)
        .text(`${at} — ${protest.team} — ${target}${which} — ${protest.protestedBy}`, left, doc.y, {
          width,
        });
      doc.font('sans').fontSize(8).text(protest.reason, left, doc.y, { width });
      const status = say(PROTEST_STATUS_NAMES[protest.status]);
      doc.text(
        protest.decision
          ? `${status}: ${protest.decision.reason} (${protest.decision.by}, ${formatDateTime(protest.decision.at, 'ru', timeZone, { numeric: true })})`
          : status,
        left,
        doc.y,
        { width },
      );
      doc.moveDown(0.3);
    }
  }

  // Attempts timed between two controllers, with the bound, or by stopwatch because of them
  // (docs/sensor-contract.md#clock-offsets); one controller's times are exact and not listed.
  if (results.timing && results.timing.length > 0) {
    doc.moveDown(1).x = left;
    if (doc.y > doc.page.height - doc.page.margins.bottom - 60) doc.addPage();
    doc
      .font('sansBold')
      .fontSize(10)
      .text(say({ kk: 'Уақытты өлшеу', ru: 'Хронометраж', en: 'Timing' }), left, doc.y, { width });
    for (const note of results.timing) {
      if (doc.y > doc.page.height - doc.page.margins.bottom - 30) doc.addPage();
      const how =
        note.boundMs === null
          ? say({
              kk: 'секундомермен өлшенді (екі контроллердің сағаттары сенімсіз)',
              ru: 'засечено секундомером (часам двух контроллеров нельзя было доверять)',
              en: "hand-timed by stopwatch (the two controllers' clocks could not be trusted)",
            })
          : say({
              kk: `±${note.boundMs} мс, екі контроллер`,
              ru: `±${note.boundMs} мс, два контроллера`,
              en: `±${note.boundMs} ms, two controllers`,
            });
      doc
        .font('sans')
        .fontSize(8)
        .text(
          `${note.team}, ${say({ kk: `${note.attempt}-әрекет`, ru: `попытка ${note.attempt}`, en: `attempt ${note.attempt}` })}: ${how}`,
          left,
          doc.y,
          { width },
        );
    }
  }

  // Each team's latest inspection (docs/rules.md#technical-inspection).
  if (results.inspections.length > 0) {
    doc.moveDown(1).x = left;
    if (doc.y > doc.page.height - doc.page.margins.bottom - 60) doc.addPage();
    doc
      .font('sansBold')
      .fontSize(10)
      .text(
        say({ kk: 'Техникалық тексеру', ru: 'Техническая проверка', en: 'Technical inspection' }),
        left,
        doc.y,
        { width },
      );
    for (const inspection of results.inspections) {
      if (doc.y > doc.page.height - doc.page.margins.bottom - 30) doc.addPage();
      const at = formatDateTime(inspection.at, 'ru', timeZone, { numeric: true });
      doc
        .font('sans')
        .fontSize(8)
        .text(
          `${inspection.team} — ${inspectionText(inspection)} (${inspection.by}, ${at})`,
          left,
          doc.y,
          {
            width,
          },
        );
    }
  }

  // Footnote: when the category was locked, unlocked, published and withdrawn, and by whom.
  if (results.history.length > 0) {
    doc.moveDown(1).x = left;
    if (doc.y > doc.page.height - doc.page.margins.bottom - 40) doc.addPage();
    doc
      .font('sansBold')
      .fontSize(8)
      .text(
        say({
          kk: 'Құлыптау және жариялау тарихы',
          ru: 'История закрытия и публикации',
          en: 'Lock and publication history',
        }),
        left,
        doc.y,
        {
          width,
        },
      );
    doc.font('sans').fontSize(8);
    for (const step of results.history) {
      const at = formatDateTime(step.at, 'ru', timeZone, { numeric: true });
      doc.text(`${at} — ${say(HISTORY_NAMES[step.action])} — ${step.by}`, left, doc.y, { width });
    }
  }

  const pages = doc.bufferedPageRange();
  for (let index = 0; index < pages.count; index++) {
    doc.switchToPage(pages.start + index);
    const bottom = doc.page.height - doc.page.margins.bottom + 10;
    // Writing into the bottom margin would otherwise start a new page.
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('sans').fontSize(7).fillColor('#555');
    const made = `${formatDateTime(generatedAt, 'ru', timeZone, { numeric: true })} (${timeZoneLabel(timeZone, generatedAt)})`;
    doc.text(
      `${say({ kk: 'Құрылды', ru: 'Сформирован', en: 'Generated' })}: ${made} · ${stage.code}`,
      left,
      bottom,
      {
        width: (width * 2) / 3,
        lineBreak: false,
      },
    );
    doc.text(`${index + 1} / ${pages.count}`, left + (width * 2) / 3, bottom, {
      width: width / 3,
      align: 'right',
      lineBreak: false,
    });
    doc.page.margins.bottom = margin;
  }
  return pdfBytes(doc);
}
