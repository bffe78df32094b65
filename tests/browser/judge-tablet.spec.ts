import request from 'supertest';
import { saveScreenshot } from './support/chromium';
import { ledgerOf } from './support/judge-olympiad';
import { openCategory, signedInTablet } from './support/judge-tablet-page';
import { judgeTabletSuite } from './support/judge-tablet-suite';
import { SimulatedGate } from './support/simulated-gate';

/**
 * The judge tablet in Chromium at a 10" landscape tablet against the real venue server on a fresh
 * SQLite file: every discipline scored through the screens, checked through the API, and a
 * screenshot of each screen in Kazakh and Russian.
 */
describe('judge tablet', () => {
  const tablet = judgeTabletSuite({ signIn: false });

  const back = () => tablet.page.locator('.screen__head a', { hasText: /Артқа|Назад|Back/ }).click();

  it('signs in with the stage code and PIN and shows the assignments', async () => {
    await tablet.signIn();
    expect(await tablet.page.locator('.tile__link').count()).toBe(4);
    await saveScreenshot(tablet.page, 'judge-assignments-tablet-kk');
  });

  it('scores a maze attempt timed by the field sensor', async () => {
    await openCategory(tablet.page, 'Лабиринт 3–4');
    await tablet.page.locator('.queue__team', { hasText: 'Барыс' }).click();
    await tablet.page.getByRole('button', { name: '1-әрекетке дайын' }).click();
    await tablet.page.getByText('Дайын: робот старт қақпасынан өтуін күтуде…').waitFor();

    const gate = await SimulatedGate.connect(tablet.venue.mqttUrl as string, tablet.olympiad.device.id, tablet.olympiad.device.secret);
    try {
      await gate.gate('start');
      await tablet.page.locator('.big-clock--running').waitFor();
      await saveScreenshot(tablet.page, 'judge-maze-running-tablet-kk');
      await gate.gate('finish', 47_380_000);
    } finally {
      await gate.close();
    }
    await tablet.page.locator('[data-testid="sensor-clock"]', { hasText: '0:47.38' }).waitFor();
    await tablet.page.getByRole('button', { name: 'Бір жанасу артық' }).click();
    expect(await tablet.page.locator('[data-testid="attempt-result"]').innerText()).toBe('0:57.380');
    await saveScreenshot(tablet.page, 'judge-maze-finished-tablet-kk');
    await tablet.page.getByRole('button', { name: 'Әрекетті растау' }).click();

    // The finish gate recorded a provisional attempt; the judge's touch supersedes it.
    await waitForLedger(tablet.olympiad.categories.maze, (entries) => entries.length === 2);
    const [provisional, confirmed] = await ledgerOf(tablet.venue, tablet.olympiad.organiser, tablet.olympiad.categories.maze);
    expect(provisional).toMatchObject({
      kind: 'maze.attempt',
      teamId: tablet.olympiad.teams.maze[2],
      payload: { attempt: 1, outcome: 'finished', timeMs: 47_380, touches: 0, timing: 'sensor' },
    });
    expect(confirmed).toMatchObject({
      kind: 'maze.attempt',
      teamId: tablet.olympiad.teams.maze[2],
      supersedes: provisional.id,
      payload: { attempt: 1, outcome: 'finished', timeMs: 47_380, touches: 1, timing: 'sensor' },
    });
    await tablet.page.locator('.queue__team', { hasText: 'Барыс' }).getByText('0:57.38').waitFor();
  });

  it('scores a maze attempt with the stopwatch when there is no sensor time', async () => {
    await tablet.page.locator('.queue__team', { hasText: 'Қыран' }).click();
    await tablet.page.getByLabel('Уақыт', { exact: true }).fill('1:02.35');
    expect(await tablet.page.locator('[data-testid="attempt-result"]').innerText()).toBe('1:02.35');
    await tablet.page.getByRole('button', { name: 'Әрекетті растау' }).click();
    await waitForLedger(tablet.olympiad.categories.maze, (entries) => entries.length === 3);
    await tablet.page.getByText('2-әрекет (3 ішінен)').waitFor();
    expect(await tablet.page.locator('.queue__team', { hasText: 'Тұлпар' }).innerText()).toContain('Әлі бағаланбаған');
    await back();
  });

  it('runs a sumo match to its end, and the bracket moves on', async () => {
    await openCategory(tablet.page, 'Сумо 5–6');
    const panel = tablet.page.locator('.match-panel');
    await panel.waitFor();
    const title = await panel.locator('h3').innerText();
    const matchId = /^(\S+)/.exec(title.replace('кездесуі', '').trim())?.[1] as string;
    await saveScreenshot(tablet.page, 'judge-sumo-tablet-kk');
    // The ring's start button starts the tablet's match clock and its stop button pauses it.
    const ringButton = await SimulatedGate.connect(tablet.venue.mqttUrl as string, tablet.olympiad.ring.device.id, tablet.olympiad.ring.device.secret);
    try {
      await panel.page().locator('[data-testid="ring-button"] .chip--ok').waitFor();
      await ringButton.press('start');
      await panel.getByRole('button', { name: 'Кідірту' }).waitFor();
      await saveScreenshot(tablet.page, 'judge-sumo-ring-started-tablet-kk');
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
    await saveScreenshot(tablet.page, 'judge-sumo-finished-tablet-kk');
    await panel.getByRole('button', { name: 'Кездесуді растау' }).click();

    await waitForLedger(tablet.olympiad.categories.sumo, (entries) => entries.some((e) => e.kind === 'sumo.match'));
    const match = (await ledgerOf(tablet.venue, tablet.olympiad.organiser, tablet.olympiad.categories.sumo)).find((e) => e.kind === 'sumo.match');
    expect(match?.payload).toMatchObject({
      matchId,
      events: [{ type: 'point', side: 'a' }, { type: 'draw' }, { type: 'warning', side: 'b' }, { type: 'point', side: 'a' }],
    });
    await tablet.page.locator(`.match-row--finished[data-match="${matchId}"]`).waitFor();
    // The panel moves on to the next match once the tablet has re-read the ledger.
    await tablet.page.waitForFunction(
      (id) => !(document.querySelector('.match-panel h3')?.textContent ?? '').includes(id),
      matchId,
      { timeout: 10_000 },
    );
    await back();
  });

  it('enters programming points by team and imports a checker file with a preview', async () => {
    await openCategory(tablet.page, 'Бағдарламалау 5–6');
    await tablet.page.locator('.queue__team', { hasText: 'Ғалым' }).click();
    await tablet.page.getByLabel('Task A үшін ұпай').fill('70');
    await tablet.page.getByRole('row', { name: /Task B/ }).getByRole('button', { name: '100' }).click();
    expect(await tablet.page.locator('[data-testid="programming-total"]').innerText()).toBe('170');
    await saveScreenshot(tablet.page, 'judge-programming-tablet-kk');
    await tablet.page.getByRole('button', { name: 'Сақтау' }).click();
    await waitForLedger(tablet.olympiad.categories.programming, (entries) => entries.length === 2);

    await tablet.page.getByRole('tab', { name: 'Тексеруші файлын жүктеу' }).click();
    await tablet.page.locator('.csv-text').fill('team;task;points\nГалым;A;85\nАлгоритм;C;40\nБелгісіз;A;10\nӨрнек;A;150\nГалым;B;100\n');
    await tablet.page.getByText('5 жол: 2 өзгеріс, 2 қате').waitFor();
    await saveScreenshot(tablet.page, 'judge-programming-import-tablet-kk');
    await tablet.page.getByRole('button', { name: '2 өзгерісті енгізу' }).click();
    await waitForLedger(tablet.olympiad.categories.programming, (entries) => entries.length === 4);
    const entries = await ledgerOf(tablet.venue, tablet.olympiad.organiser, tablet.olympiad.categories.programming);
    expect(entries.slice(2).map((e) => [e.teamId, e.payload['task'], e.payload['points']])).toEqual([
      [tablet.olympiad.teams.programming[2], 'A', 85],
      [tablet.olympiad.teams.programming[1], 'C', 40],
    ]);
    await back();
  });

  it('enters a rubric sheet; a top mark asks for a comment', async () => {
    await openCategory(tablet.page, 'Шығармашылық жоба 5–6');
    await tablet.page.locator('.queue__team', { hasText: 'Шебер' }).click();
    const marks = { research: 7, originality: 10, engineering: 8, programming: 6, presentation: 9, teamwork: 8 };
    for (const [index, mark] of Object.values(marks).entries()) {
      await tablet.page.locator('.criterion').nth(index).getByRole('radio', { name: String(mark), exact: true }).click();
    }
    await tablet.page.getByRole('button', { name: 'Сақтау' }).click();
    await tablet.page.getByText('Ең жоғары бағаға жазбаша түсініктеме керек.').waitFor();
    await tablet.page.locator('.criterion').nth(1).locator('textarea').fill('Өз датчигін жасаған');
    await saveScreenshot(tablet.page, 'judge-creative-tablet-kk');
    await tablet.page.getByRole('button', { name: 'Сақтау' }).click();
    await waitForLedger(tablet.olympiad.categories.creative, (entries) => entries.length === 1);
    const [sheet] = await ledgerOf(tablet.venue, tablet.olympiad.organiser, tablet.olympiad.categories.creative);
    expect(sheet.payload).toEqual({ judgeId: tablet.olympiad.judge.id, marks, comments: { originality: 'Өз датчигін жасаған' } });
  });

  it('shows every screen in Russian too', async () => {
    await tablet.page.getByRole('button', { name: 'Русский' }).click();
    await tablet.page.getByText('Мои оценки').waitFor();
    await saveScreenshot(tablet.page, 'judge-creative-tablet-ru');
    await back();
    await tablet.page.getByRole('heading', { name: 'Ваши назначения' }).waitFor().catch(() => undefined);
    await saveScreenshot(tablet.page, 'judge-assignments-tablet-ru');
    await openCategory(tablet.page, 'Лабиринт 3–4');
    await tablet.page.locator('.queue__team', { hasText: 'Тұлпар' }).click();
    await tablet.page.getByText('Не финишировал').waitFor();
    await saveScreenshot(tablet.page, 'judge-maze-tablet-ru');
    await back();
    await openCategory(tablet.page, 'Сумо 5–6');
    await tablet.page.locator('.match-panel').waitFor();
    await saveScreenshot(tablet.page, 'judge-sumo-tablet-ru');
    await back();
    await openCategory(tablet.page, 'Бағдарламалау 5–6');
    await tablet.page.getByRole('tab', { name: 'Импорт файла проверки' }).click();
    await tablet.page.locator('.csv-text').fill('team,task,points\nКодтар,A,55\nКодтар,Z,5\n');
    await tablet.page.getByText(/Строк: 2/).waitFor();
    await saveScreenshot(tablet.page, 'judge-programming-import-tablet-ru');
    expect(await tablet.page.evaluate(() => document.documentElement.lang)).toBe('ru');
    await back();
    await tablet.page.getByRole('button', { name: 'Қазақша' }).click();
  });

  it('lets the head judge correct an entry with a reason, lock and publish', async () => {
    const head = await signedInTablet(tablet.browser, tablet.venue.url, tablet.olympiad.stageCode, tablet.olympiad.headJudge.pin);
    try {
      const headPage = head.page;
      await headPage.locator('.tile', { hasText: 'Лабиринт 3–4' }).getByRole('link', { name: 'Тексеру' }).click();
      await headPage.locator('.history__entry').first().waitFor();
      const entries = await ledgerOf(tablet.venue, tablet.olympiad.organiser, tablet.olympiad.categories.maze);
      const stopwatchEntry = entries.find((e) => e.payload['timing'] === 'stopwatch') as { id: string };
      const row = headPage.locator(`[data-entry="${stopwatchEntry.id}"]`);
      await row.getByRole('button', { name: 'Түзету' }).click();
      await row.getByLabel('Уақыт', { exact: true }).fill('1:01.35');
      await row.getByRole('button', { name: 'Түзетуді сақтау' }).click();
      await row.getByText('Түзету себебін жазыңыз.').waitFor();
      await row.getByLabel('Себебі (мәңгі сақталады)').fill('Секундомер қате басылды, бейнеден тексерілді');
      await row.getByRole('button', { name: 'Түзетуді сақтау' }).click();
      await waitForLedger(tablet.olympiad.categories.maze, (list) => list.length === 4);
      await headPage.locator('.history__entry--old', { hasText: '1:02.35' }).getByText(/арқылы түзетілді/).waitFor();

      await headPage.getByRole('button', { name: 'Санатты құлыптау' }).click();
      await headPage.locator('[data-testid="category-status"]', { hasText: 'Құлыпталған' }).waitFor();
      await headPage.getByRole('button', { name: 'Нәтижелерді жариялау' }).click();
      await headPage.locator('[data-testid="category-published"]', { hasText: 'Жарияланған' }).waitFor();
      await saveScreenshot(headPage, 'judge-review-tablet-kk');

      const correction = (await ledgerOf(tablet.venue, tablet.olympiad.organiser, tablet.olympiad.categories.maze))[3];
      expect(correction).toMatchObject({
        supersedes: stopwatchEntry.id,
        reason: 'Секундомер қате басылды, бейнеден тексерілді',
        payload: { timeMs: 61_350 },
      });
      const published = await request(tablet.venue.url).get(`/api/public/categories/${tablet.olympiad.categories.maze}/standings`).expect(200);
      expect(JSON.stringify(published.body)).toContain('1:01.35');
      await headPage.getByRole('button', { name: 'Русский' }).click();
      await headPage.getByText('Опубликовано').waitFor();
      await saveScreenshot(headPage, 'judge-review-tablet-ru');
    } finally {
      await head.context.close();
    }
  });

  it('keeps an entry made after the category was locked and tells the judge', async () => {
    await openCategory(tablet.page, 'Лабиринт 3–4');
    await tablet.page.locator('.queue__team', { hasText: 'Сұңқар' }).click();
    await tablet.page.getByLabel('Уақыт', { exact: true }).fill('0:59.00');
    await tablet.page.getByRole('button', { name: 'Әрекетті растау' }).click();
    // Refused by the ledger, so the tablet hands it to the head judge's review queue.
    await tablet.page.getByText('1 жазба бас төрешінің қарауында.').waitFor();
    await saveScreenshot(tablet.page, 'judge-held-entry-tablet-kk');
    await tablet.page.getByRole('link', { name: 'Ашу' }).click();
    await tablet.page.getByText('Бұл санат құлыпталған', { exact: false }).waitFor();
    await tablet.page.locator('.outbox-item--held').getByText('бас төрешіге жіберілді').waitFor();
    expect((await ledgerOf(tablet.venue, tablet.olympiad.organiser, tablet.olympiad.categories.maze)).length).toBe(4);
    await saveScreenshot(tablet.page, 'judge-outbox-tablet-kk');
  });

  it('fits a tablet in portrait and a phone, one-handed', async () => {
    for (const viewport of ['tabletPortrait', 'phone'] as const) {
      const small = await signedInTablet(tablet.browser, tablet.venue.url, tablet.olympiad.stageCode, tablet.olympiad.judge.pin, 'kk', viewport);
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
      entries = await ledgerOf(tablet.venue, tablet.olympiad.organiser, categoryId);
      if (done(entries)) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`the ledger did not reach the expected state: ${JSON.stringify(entries, null, 1)}`);
  }
});
