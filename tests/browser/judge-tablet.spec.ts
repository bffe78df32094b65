import type { Browser, BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import type { Venue } from '../support/start-venue';
import { browserVenue } from './support/browser-venue';
import { launchChromium, saveScreenshot } from './support/chromium';
import { createJudgeOlympiad, ledgerOf, type JudgeOlympiad } from './support/judge-olympiad';
import { openCategory, signedInTablet } from './support/judge-tablet-page';
import { SimulatedGate } from './support/simulated-gate';

/**
 * The judge tablet in Chromium at a 10" landscape tablet against the real venue server on a fresh
 * SQLite file: every discipline scored through the screens, checked through the API, and a
 * screenshot of each screen in Kazakh and Russian.
 */
describe('judge tablet', () => {
  let venue: Venue;
  let browser: Browser;
  let olympiad: JudgeOlympiad;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    venue = await browserVenue();
    browser = await launchChromium();
    olympiad = await createJudgeOlympiad(venue);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await venue?.stop();
  });

  const back = () => page.locator('.screen__head a', { hasText: /Артқа|Назад|Back/ }).click();

  it('signs in with the stage code and PIN and shows the assignments', async () => {
    ({ context, page } = await signedInTablet(browser, venue.url, olympiad.stageCode, olympiad.judge.pin));
    expect(await page.locator('.tile__link').count()).toBe(4);
    await saveScreenshot(page, 'judge-assignments-tablet-kk');
  });

  it('scores a maze attempt timed by the field sensor', async () => {
    await openCategory(page, 'Лабиринт 3–4');
    await page.locator('.queue__team', { hasText: 'Барыс' }).click();
    await page.getByRole('button', { name: '1-әрекетке дайын' }).click();
    await page.getByText('Дайын: робот старт қақпасынан өтуін күтуде…').waitFor();

    const gate = await SimulatedGate.connect(venue.mqttUrl as string, olympiad.device.id, olympiad.device.secret);
    try {
      await gate.gate('start');
      await page.locator('.big-clock--running').waitFor();
      await saveScreenshot(page, 'judge-maze-running-tablet-kk');
      await gate.gate('finish', 47_380_000);
    } finally {
      await gate.close();
    }
    await page.locator('[data-testid="sensor-clock"]', { hasText: '0:47.38' }).waitFor();
    await page.getByRole('button', { name: 'Бір жанасу артық' }).click();
    expect(await page.locator('[data-testid="attempt-result"]').innerText()).toBe('0:57.380');
    await saveScreenshot(page, 'judge-maze-finished-tablet-kk');
    await page.getByRole('button', { name: 'Әрекетті растау' }).click();

    // The finish gate recorded a provisional attempt; the judge's touch supersedes it.
    await waitForLedger(olympiad.categories.maze, (entries) => entries.length === 2);
    const [provisional, confirmed] = await ledgerOf(venue, olympiad.organiser, olympiad.categories.maze);
    expect(provisional).toMatchObject({
      kind: 'maze.attempt',
      teamId: olympiad.teams.maze[2],
      payload: { attempt: 1, outcome: 'finished', timeMs: 47_380, touches: 0, timing: 'sensor' },
    });
    expect(confirmed).toMatchObject({
      kind: 'maze.attempt',
      teamId: olympiad.teams.maze[2],
      supersedes: provisional.id,
      payload: { attempt: 1, outcome: 'finished', timeMs: 47_380, touches: 1, timing: 'sensor' },
    });
    await page.locator('.queue__team', { hasText: 'Барыс' }).getByText('0:57.38').waitFor();
  });

  it('scores a maze attempt with the stopwatch when there is no sensor time', async () => {
    await page.locator('.queue__team', { hasText: 'Қыран' }).click();
    await page.getByLabel('Уақыт', { exact: true }).fill('1:02.35');
    expect(await page.locator('[data-testid="attempt-result"]').innerText()).toBe('1:02.35');
    await page.getByRole('button', { name: 'Әрекетті растау' }).click();
    await waitForLedger(olympiad.categories.maze, (entries) => entries.length === 3);
    await page.getByText('2-әрекет (3 ішінен)').waitFor();
    expect(await page.locator('.queue__team', { hasText: 'Тұлпар' }).innerText()).toContain('Әлі бағаланбаған');
    await back();
  });

  it('runs a sumo match to its end, and the bracket moves on', async () => {
    await openCategory(page, 'Сумо 5–6');
    const panel = page.locator('.match-panel');
    await panel.waitFor();
    const title = await panel.locator('h3').innerText();
    const matchId = /^(\S+)/.exec(title.replace('кездесуі', '').trim())?.[1] as string;
    await saveScreenshot(page, 'judge-sumo-tablet-kk');
    // The ring's start button starts the tablet's match clock and its stop button pauses it.
    const ringButton = await SimulatedGate.connect(venue.mqttUrl as string, olympiad.ring.device.id, olympiad.ring.device.secret);
    try {
      await panel.page().locator('[data-testid="ring-button"] .chip--ok').waitFor();
      await ringButton.press('start');
      await panel.getByRole('button', { name: 'Кідірту' }).waitFor();
      await saveScreenshot(page, 'judge-sumo-ring-started-tablet-kk');
      // Stopped within the start delay, the clock goes back to waiting for the start signal.
      await ringButton.press('stop', 1_000_000);
      await panel.getByRole('button', { name: 'Старт белгісі' }).waitFor();
    } finally {
      await ringButton.close();
    }
    await panel.locator('.sumo-side--a').getByRole('button', { name: 'Ұпай (юко)' }).click();
    await panel.getByRole('button', { name: 'Раунд тең' }).click();
    await panel.locator('.sumo-side--b').getByRole('button', { name: 'Ескерту' }).click();
    await panel.locator('.sumo-side--a').getByRole('button', { name: 'Ұпай (юко)' }).click();
    await panel.getByText(/жеңді \(ұпаймен\)/).waitFor();
    expect(await panel.locator('[data-testid="points-a"]').innerText()).toBe('2');
    await saveScreenshot(page, 'judge-sumo-finished-tablet-kk');
    await panel.getByRole('button', { name: 'Кездесуді растау' }).click();

    await waitForLedger(olympiad.categories.sumo, (entries) => entries.some((e) => e.kind === 'sumo.match'));
    const match = (await ledgerOf(venue, olympiad.organiser, olympiad.categories.sumo)).find((e) => e.kind === 'sumo.match');
    expect(match?.payload).toMatchObject({
      matchId,
      events: [{ type: 'point', side: 'a' }, { type: 'draw' }, { type: 'warning', side: 'b' }, { type: 'point', side: 'a' }],
    });
    await page.locator(`.match-row--finished[data-match="${matchId}"]`).waitFor();
    // The panel moves on to the next match once the tablet has re-read the ledger.
    await page.waitForFunction(
      (id) => !(document.querySelector('.match-panel h3')?.textContent ?? '').includes(id),
      matchId,
      { timeout: 10_000 },
    );
    await back();
  });

  it('enters programming points by team and imports a checker file with a preview', async () => {
    await openCategory(page, 'Бағдарламалау 5–6');
    await page.locator('.queue__team', { hasText: 'Ғалым' }).click();
    await page.getByLabel('Task A үшін ұпай').fill('70');
    await page.getByRole('row', { name: /Task B/ }).getByRole('button', { name: '100' }).click();
    expect(await page.locator('[data-testid="programming-total"]').innerText()).toBe('170');
    await saveScreenshot(page, 'judge-programming-tablet-kk');
    await page.getByRole('button', { name: 'Сақтау' }).click();
    await waitForLedger(olympiad.categories.programming, (entries) => entries.length === 2);

    await page.getByRole('tab', { name: 'Тексеруші файлын жүктеу' }).click();
    await page.locator('.csv-text').fill('team;task;points\nГалым;A;85\nАлгоритм;C;40\nБелгісіз;A;10\nӨрнек;A;150\nГалым;B;100\n');
    await page.getByText('5 жол: 2 өзгеріс, 2 қате').waitFor();
    await saveScreenshot(page, 'judge-programming-import-tablet-kk');
    await page.getByRole('button', { name: '2 өзгерісті енгізу' }).click();
    await waitForLedger(olympiad.categories.programming, (entries) => entries.length === 4);
    const entries = await ledgerOf(venue, olympiad.organiser, olympiad.categories.programming);
    expect(entries.slice(2).map((e) => [e.teamId, e.payload['task'], e.payload['points']])).toEqual([
      [olympiad.teams.programming[2], 'A', 85],
      [olympiad.teams.programming[1], 'C', 40],
    ]);
    await back();
  });

  it('enters a rubric sheet; a top mark asks for a comment', async () => {
    await openCategory(page, 'Шығармашылық жоба 5–6');
    await page.locator('.queue__team', { hasText: 'Шебер' }).click();
    const marks = { research: 7, originality: 10, engineering: 8, programming: 6, presentation: 9, teamwork: 8 };
    for (const [index, mark] of Object.values(marks).entries()) {
      await page.locator('.criterion').nth(index).getByRole('radio', { name: String(mark), exact: true }).click();
    }
    await page.getByRole('button', { name: 'Сақтау' }).click();
    await page.getByText('Ең жоғары бағаға жазбаша түсініктеме керек.').waitFor();
    await page.locator('.criterion').nth(1).locator('textarea').fill('Өз датчигін жасаған');
    await saveScreenshot(page, 'judge-creative-tablet-kk');
    await page.getByRole('button', { name: 'Сақтау' }).click();
    await waitForLedger(olympiad.categories.creative, (entries) => entries.length === 1);
    const [sheet] = await ledgerOf(venue, olympiad.organiser, olympiad.categories.creative);
    expect(sheet.payload).toEqual({ judgeId: olympiad.judge.id, marks, comments: { originality: 'Өз датчигін жасаған' } });
  });

  it('shows every screen in Russian too', async () => {
    await page.getByRole('button', { name: 'Русский' }).click();
    await page.getByText('Мои оценки').waitFor();
    await saveScreenshot(page, 'judge-creative-tablet-ru');
    await back();
    await page.getByRole('heading', { name: 'Ваши назначения' }).waitFor().catch(() => undefined);
    await saveScreenshot(page, 'judge-assignments-tablet-ru');
    await openCategory(page, 'Лабиринт 3–4');
    await page.locator('.queue__team', { hasText: 'Тұлпар' }).click();
    await page.getByText('Не финишировал').waitFor();
    await saveScreenshot(page, 'judge-maze-tablet-ru');
    await back();
    await openCategory(page, 'Сумо 5–6');
    await page.locator('.match-panel').waitFor();
    await saveScreenshot(page, 'judge-sumo-tablet-ru');
    await back();
    await openCategory(page, 'Бағдарламалау 5–6');
    await page.getByRole('tab', { name: 'Импорт файла проверки' }).click();
    await page.locator('.csv-text').fill('team,task,points\nКодтар,A,55\nКодтар,Z,5\n');
    await page.getByText(/Строк: 2/).waitFor();
    await saveScreenshot(page, 'judge-programming-import-tablet-ru');
    await back();
    await page.getByRole('button', { name: 'Қазақша' }).click();
  });

  it('lets the head judge correct an entry with a reason, lock and publish', async () => {
    const head = await signedInTablet(browser, venue.url, olympiad.stageCode, olympiad.headJudge.pin);
    try {
      const headPage = head.page;
      await headPage.locator('.tile', { hasText: 'Лабиринт 3–4' }).getByRole('link', { name: 'Тексеру' }).click();
      await headPage.locator('.history__entry').first().waitFor();
      const entries = await ledgerOf(venue, olympiad.organiser, olympiad.categories.maze);
      const stopwatchEntry = entries.find((e) => e.payload['timing'] === 'stopwatch') as { id: string };
      const row = headPage.locator(`[data-entry="${stopwatchEntry.id}"]`);
      await row.getByRole('button', { name: 'Түзету' }).click();
      await row.getByLabel('Уақыт', { exact: true }).fill('1:01.35');
      await row.getByRole('button', { name: 'Түзетуді сақтау' }).click();
      await row.getByText('Түзету себебін жазыңыз.').waitFor();
      await row.getByLabel('Себебі (мәңгі сақталады)').fill('Секундомер қате басылды, бейнеден тексерілді');
      await row.getByRole('button', { name: 'Түзетуді сақтау' }).click();
      await waitForLedger(olympiad.categories.maze, (list) => list.length === 4);
      await headPage.locator('.history__entry--old', { hasText: '1:02.35' }).getByText(/арқылы түзетілді/).waitFor();

      await headPage.getByRole('button', { name: 'Санатты құлыптау' }).click();
      await headPage.locator('[data-testid="category-status"]', { hasText: 'Құлыпталған' }).waitFor();
      await headPage.getByRole('button', { name: 'Нәтижелерді жариялау' }).click();
      await headPage.locator('[data-testid="category-published"]', { hasText: 'Жарияланған' }).waitFor();
      await saveScreenshot(headPage, 'judge-review-tablet-kk');

      const correction = (await ledgerOf(venue, olympiad.organiser, olympiad.categories.maze))[3];
      expect(correction).toMatchObject({
        supersedes: stopwatchEntry.id,
        reason: 'Секундомер қате басылды, бейнеден тексерілді',
        payload: { timeMs: 61_350 },
      });
      const published = await request(venue.url).get(`/api/public/categories/${olympiad.categories.maze}/standings`).expect(200);
      expect(JSON.stringify(published.body)).toContain('1:01.35');
      await headPage.getByRole('button', { name: 'Русский' }).click();
      await headPage.getByText('Опубликовано').waitFor();
      await saveScreenshot(headPage, 'judge-review-tablet-ru');
    } finally {
      await head.context.close();
    }
  });

  it('keeps an entry made after the category was locked and tells the judge', async () => {
    await openCategory(page, 'Лабиринт 3–4');
    await page.locator('.queue__team', { hasText: 'Сұңқар' }).click();
    await page.getByLabel('Уақыт', { exact: true }).fill('0:59.00');
    await page.getByRole('button', { name: 'Әрекетті растау' }).click();
    // Refused by the ledger, so the tablet hands it to the head judge's review queue.
    await page.getByText('1 жазба бас төрешінің қарауында.').waitFor();
    await saveScreenshot(page, 'judge-held-entry-tablet-kk');
    await page.getByRole('link', { name: 'Ашу' }).click();
    await page.getByText('Бұл санат құлыпталған', { exact: false }).waitFor();
    await page.locator('.outbox-item--held').getByText('бас төрешіге жіберілді').waitFor();
    expect((await ledgerOf(venue, olympiad.organiser, olympiad.categories.maze)).length).toBe(4);
    await saveScreenshot(page, 'judge-outbox-tablet-kk');
  });

  it('fits a tablet in portrait and a phone, one-handed', async () => {
    for (const viewport of ['tabletPortrait', 'phone'] as const) {
      const small = await signedInTablet(browser, venue.url, olympiad.stageCode, olympiad.judge.pin, 'kk', viewport);
      try {
        await saveScreenshot(small.page, `judge-assignments-${viewport}-kk`);
        await openCategory(small.page, 'Сумо 5–6');
        await small.page.locator('.match-panel').waitFor();
        await saveScreenshot(small.page, `judge-sumo-${viewport}-kk`);
        // Every button a finger needs is at least 48 px tall and wide.
        const tooSmall = await small.page.$$eval('button, a.ui-button', (elements) =>
          elements
            .filter((element) => (element as HTMLElement).offsetParent !== null)
            .map((element) => element.getBoundingClientRect())
            .filter((box) => box.height < 47.5 || box.width < 47.5).length,
        );
        expect(tooSmall).toBe(0);
        await small.page.locator('.screen__head a', { hasText: 'Артқа' }).click();
        await openCategory(small.page, 'Лабиринт 3–4');
        await small.page.locator('.queue__team', { hasText: 'Тұлпар' }).click();
        await saveScreenshot(small.page, `judge-maze-${viewport}-kk`);
      } finally {
        await small.context.close();
      }
    }
  });

  async function waitForLedger(
    categoryId: string,
    done: (entries: Awaited<ReturnType<typeof ledgerOf>>) => boolean,
  ): Promise<void> {
    let entries: Awaited<ReturnType<typeof ledgerOf>> = [];
    for (let i = 0; i < 100; i++) {
      entries = await ledgerOf(venue, olympiad.organiser, categoryId);
      if (done(entries)) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`the ledger did not reach the expected state: ${JSON.stringify(entries, null, 1)}`);
  }
});
