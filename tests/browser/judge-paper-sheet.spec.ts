import { sheetEntryId } from '@olympiad/scoring';
import type { Page } from 'playwright-core';
import request from 'supertest';
import { saveScreenshot } from './support/chromium';
import { ledgerOf } from './support/judge-olympiad';
import { judgeTabletSuite } from './support/judge-tablet-suite';

interface Sheet {
  code: string;
  rows: { row: number; teamId: string; teamName: string }[];
}

interface RingSheet {
  code: string;
  rows: { row: number; matchId: string; a: { name: string }; b: { name: string } }[];
}

/**
 * The paper fallback on the tablet (README, "Paper fallback"): a judge types in a printed maze
 * sheet from its code, the boxes checked as the tablet checks an attempt, and typing the same
 * sheet again records nothing twice.
 */
describe('judge tablet: typing in a paper score sheet', () => {
  let sheet: Sheet;
  let ringSheet: RingSheet;
  const tablet = judgeTabletSuite({
    signIn: false,
    prepare: async (venue, olympiad) => {
      const made = await request(venue.url)
        .post(`/api/categories/${olympiad.categories.maze}/score-sheets`)
        .set('Authorization', `Bearer ${olympiad.organiser}`)
        .send({ round: 1 })
        .expect(200);
      [sheet] = made.body as Sheet[];
      const ring = await request(venue.url)
        .post(`/api/categories/${olympiad.categories.sumo}/score-sheets`)
        .set('Authorization', `Bearer ${olympiad.organiser}`)
        .send({ round: 1 })
        .expect(200);
      [ringSheet] = ring.body as RingSheet[];
    },
  });

  const line = (page: Page, row: number) => page.locator(`[data-sheet-row="${row}"]`);
  const choose = (page: Page, row: number, outcome: string) =>
    line(page, row).getByRole('radio', { name: outcome, exact: true }).click();
  const openSheet = async (
    page: Page,
    typed: string,
    buttons: { open: string; find: string; code: string },
  ) => {
    await page.getByRole('link', { name: buttons.open }).click();
    await page.getByLabel(buttons.code).fill(typed);
    await page.getByRole('button', { name: buttons.find }).click();
    await line(page, 1).waitFor();
  };
  const mazeAttempts = async () =>
    (
      await ledgerOf(tablet.venue, tablet.olympiad.organiser, tablet.olympiad.categories.maze)
    ).filter((entry) => entry.kind === 'maze.attempt');

  it('opens the sheet from its code as printed, its teams in running order', async () => {
    const page = await tablet.signIn('kk');
    // Typed as a judge reads it off the paper: lower case, with the dash.
    const typed = `${sheet.code.slice(0, 5)}-${sheet.code.slice(5)}`.toLowerCase();
    await openSheet(page, typed, {
      open: 'Қағаз парақты енгізу',
      find: 'Парақты ашу',
      code: 'Парақ коды',
    });
    await page.locator('.paper-sheet__heading', { hasText: 'Алаң 1' }).waitFor();
    const names = await page.locator('.paper-sheet__team strong').allInnerTexts();
    expect(names).toEqual(['Барыс', 'Қыран', 'Сұңқар', 'Тұлпар']);
    expect(sheet.rows.map((row) => row.teamName)).toEqual(names);
  });

  it('marks boxes that are not a time and the rules’ refusals by line, recording nothing', async () => {
    const page = tablet.page;
    await choose(page, 1, 'Мәреге жетті');
    await line(page, 1).getByLabel('Уақыт').fill('1.02.35');
    await page.getByRole('button', { name: 'Парақты жазу' }).click();
    await line(page, 1).getByText('Уақытты м:сс.сс түрінде жазыңыз').waitFor();

    await line(page, 1).getByLabel('Уақыт').fill('1:02.35');
    await line(page, 1).getByLabel('Жанасу').fill('1');
    await choose(page, 2, 'Шықпады');
    // Over the category's 3-minute limit: the server's rules refuse the line, and the sheet.
    await choose(page, 4, 'Мәреге жетті');
    await line(page, 4).getByLabel('Уақыт').fill('3:40.00');
    await page.getByRole('button', { name: 'Парақты жазу' }).click();
    await line(page, 4).getByRole('alert').waitFor();
    expect(await line(page, 4).getByRole('alert').innerText()).toContain('шектен асты');
    await page.getByText('Парақ жазылмады').waitFor();
    await saveScreenshot(page, 'judge-paper-sheet-refused-kk');
    expect(await mazeAttempts()).toEqual([]);
  });

  it('records the sheet once, with the ids the sheet gives', async () => {
    const page = tablet.page;
    await choose(page, 4, 'Өткен жоқ');
    await page.getByRole('button', { name: 'Парақты жазу' }).click();
    await page.getByText('2 жазба жазылды').waitFor();
    await saveScreenshot(page, 'judge-paper-sheet-recorded-kk');
    const attempts = await mazeAttempts();
    expect(attempts.map((entry) => entry.id).sort()).toEqual(
      [sheetEntryId(sheet.code, 1, 1), sheetEntryId(sheet.code, 2, 1)].sort(),
    );
    const first = attempts.find((entry) => entry.teamId === sheet.rows[0].teamId);
    expect(first?.payload).toMatchObject({
      attempt: 1,
      outcome: 'finished',
      timeMs: 62_350,
      touches: 1,
    });
    const second = attempts.find((entry) => entry.teamId === sheet.rows[1].teamId);
    expect(second?.payload).toMatchObject({ outcome: 'not-finished', endedBy: 'no-start' });
  });

  it('typed again on another tablet in Russian, it records nothing twice', async () => {
    await tablet.context.close();
    const page = await tablet.signIn('ru');
    await openSheet(page, sheet.code, {
      open: 'Ввести бумажный лист',
      find: 'Открыть лист',
      code: 'Код листа',
    });
    await choose(page, 1, 'Финишировал');
    await line(page, 1).getByLabel('Время').fill('1:02.35');
    await line(page, 1).getByLabel('Касания').fill('1');
    await choose(page, 2, 'Неявка');
    await saveScreenshot(page, 'judge-paper-sheet-form-ru');
    await page.getByRole('button', { name: 'Записать лист' }).click();
    await page.getByText('Новых записей нет').waitFor();
    await page.getByText('2 записи этого листа уже были записаны').waitFor();
    await saveScreenshot(page, 'judge-paper-sheet-again-ru');
    expect(await mazeAttempts()).toHaveLength(2);
  });

  it('types in a ring sheet round by round, in Russian, each match once', async () => {
    const page = tablet.page;
    await page.getByRole('link', { name: 'Другой лист' }).click();
    await page.getByLabel('Код листа').fill(ringSheet.code);
    await page.getByRole('button', { name: 'Открыть лист' }).click();
    await line(page, 1).waitFor();
    await page.locator('.paper-sheet__heading', { hasText: 'Ринг 1' }).waitFor();
    const [first, second] = ringSheet.rows;
    const round = (row: number, index: number) =>
      line(page, row).getByRole('radiogroup', { name: `Строка ${row}, раунд ${index}` });
    await round(1, 1)
      .getByRole('radio', { name: `A · ${first.a.name}` })
      .click();
    await round(1, 2).getByRole('radio', { name: 'Ничья' }).click();
    await round(1, 3)
      .getByRole('radio', { name: `A · ${first.a.name}` })
      .click();
    await line(page, 2).getByRole('radio', { name: 'Неявка: B' }).click();
    await saveScreenshot(page, 'judge-paper-sheet-ring-ru');
    await page.getByRole('button', { name: 'Записать лист' }).click();
    await page.getByText('Записаны 2 записи').waitFor();
    await page.getByRole('button', { name: 'Записать лист' }).click();
    await page.getByText('2 записи этого листа уже были записаны').waitFor();
    const matches = (
      await ledgerOf(tablet.venue, tablet.olympiad.organiser, tablet.olympiad.categories.sumo)
    ).filter((entry) => entry.kind === 'sumo.match');
    expect(matches.map((entry) => entry.id).sort()).toEqual(
      [sheetEntryId(ringSheet.code, 1, 0), sheetEntryId(ringSheet.code, 2, 0)].sort(),
    );
    const played = matches.find((entry) => entry.payload['matchId'] === first.matchId);
    expect(played?.payload['events']).toEqual([
      { type: 'point', side: 'a' },
      { type: 'draw' },
      { type: 'point', side: 'a' },
    ]);
    expect(
      matches.find((entry) => entry.payload['matchId'] === second.matchId)?.payload['events'],
    ).toEqual([{ type: 'no-show', side: 'b' }]);
  });
});
