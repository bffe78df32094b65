import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Venue } from '../support/start-venue';
import { browserVenue } from './support/browser-venue';
import { launchChromium, saveScreenshot } from './support/chromium';
import { createJudgeOlympiad, ledgerOf, type JudgeOlympiad } from './support/judge-olympiad';
import { openCategory, signedInTablet, waitForServiceWorker } from './support/judge-tablet-page';

/**
 * The venue Wi-Fi drops: the judge goes on scoring every discipline, the tablet is reloaded twice
 * without a network, and when the connection returns every entry reaches the server exactly once.
 */
describe('judge tablet offline', () => {
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

  const back = () => page.locator('.screen__head a', { hasText: 'Артқа' }).click();
  const banner = () => page.locator('[data-testid="sync-banners"]');

  it('keeps 20 entries across disciplines through two offline reloads and delivers each once', async () => {
    ({ context, page } = await signedInTablet(browser, venue.url, olympiad.stageCode, olympiad.judge.pin));
    await waitForServiceWorker(page);
    // Open each category once while online, as a judge does at the start of the day.
    for (const name of ['Лабиринт 3–4', 'Сумо 5–6', 'Бағдарламалау 5–6', 'Шығармашылық жоба 5–6']) {
      await openCategory(page, name);
      await page.locator('.queue, .match-panel').first().waitFor();
      await back();
    }
    const before = await ledgerOf(venue, olympiad.organiser, olympiad.categories.sumo);

    await context.setOffline(true);

    // Maze: 4 teams × 2 attempts by stopwatch = 8 entries.
    await openCategory(page, 'Лабиринт 3–4');
    for (const [index, name] of olympiad.teamNames.maze.entries()) {
      await page.locator('.queue__team', { hasText: name }).click();
      for (const attempt of [1, 2]) {
        await page.getByText(`${attempt}-әрекет (3 ішінен)`).waitFor();
        await page.getByLabel('Уақыт', { exact: true }).fill(`0:${40 + index}.${10 + attempt}`);
        await page.getByRole('button', { name: 'Әрекетті растау' }).click();
      }
      await page.getByText('3-әрекет (3 ішінен)').waitFor();
    }
    await banner().getByText(/8 жазба планшетте сақтаулы/).waitFor();
    await saveScreenshot(page, 'judge-offline-maze-tablet-kk');
    await back();

    // Programming: 2 teams × 3 tasks = 6 entries.
    await openCategory(page, 'Бағдарламалау 5–6');
    for (const name of olympiad.teamNames.programming.slice(0, 2)) {
      await page.locator('.queue__team', { hasText: name }).click();
      for (const [task, points] of [['A', '10'], ['B', '20'], ['C', '30']]) {
        await page.getByLabel(`Task ${task} үшін ұпай`).fill(points);
      }
      await page.getByRole('button', { name: 'Сақтау' }).click();
      await page.getByText('3 жазба планшетте сақталды', { exact: false }).waitFor();
    }
    await banner().getByText(/14 жазба/).waitFor();

    // A reload without a network: the service worker opens the app, IndexedDB still has all 14.
    await page.reload();
    await page.locator('#category-title').waitFor();
    await banner().getByText(/14 жазба планшетте сақтаулы/).waitFor();
    await saveScreenshot(page, 'judge-offline-after-reload-tablet-kk');
    await back();

    // Creative: 4 teams, one sheet each = 4 entries.
    await openCategory(page, 'Шығармашылық жоба 5–6');
    for (const name of olympiad.teamNames.creative) {
      await page.locator('.queue__team', { hasText: name }).click();
      for (let criterion = 0; criterion < 6; criterion++) {
        await page.locator('.criterion').nth(criterion).getByRole('radio', { name: '6', exact: true }).click();
      }
      await page.getByRole('button', { name: 'Сақтау' }).click();
      await page.getByText('Планшетте сақталды', { exact: false }).waitFor();
    }
    await back();

    // Sumo: two matches = 2 entries; the second comes from the bracket including the first.
    await openCategory(page, 'Сумо 5–6');
    const first = await page.locator('.match-panel h3').innerText();
    for (const side of ['a', 'b']) {
      const panel = page.locator('.match-panel');
      await panel.locator(`.sumo-side--${side}`).getByRole('button', { name: 'Ұпай (юко)' }).click();
      await panel.locator(`.sumo-side--${side}`).getByRole('button', { name: 'Ұпай (юко)' }).click();
      await panel.getByRole('button', { name: 'Кездесуді растау' }).click();
      await page.locator('.match-panel h3').filter({ hasNotText: side === 'a' ? first : '§' }).waitFor();
    }
    await banner().getByText(/20 жазба планшетте сақтаулы/).waitFor();

    await page.reload();
    await page.locator('#category-title').waitFor();
    await banner().getByText(/20 жазба планшетте сақтаулы/).waitFor();
    await saveScreenshot(page, 'judge-offline-20-waiting-tablet-kk');
    await page.getByRole('button', { name: 'Русский' }).click();
    await banner().getByText(/Записей на планшете: 20/).waitFor();
    await saveScreenshot(page, 'judge-offline-20-waiting-tablet-ru');
    await page.getByRole('button', { name: 'Қазақша' }).click();

    await context.setOffline(false);
    await banner().getByText(/сақтаулы|жіберілуде/).waitFor({ state: 'detached', timeout: 30_000 });

    const maze = await ledgerOf(venue, olympiad.organiser, olympiad.categories.maze);
    const programming = await ledgerOf(venue, olympiad.organiser, olympiad.categories.programming);
    const creative = await ledgerOf(venue, olympiad.organiser, olympiad.categories.creative);
    const sumo = await ledgerOf(venue, olympiad.organiser, olympiad.categories.sumo);
    expect([maze.length, programming.length, creative.length, sumo.length - before.length]).toEqual([8, 6, 4, 2]);
    const ids = [...maze, ...programming, ...creative, ...sumo.slice(before.length)].map((entry) => entry.id);
    expect(new Set(ids).size).toBe(20);
    expect(maze.map((e) => [e.teamId, e.payload['attempt'], e.payload['timeMs']])).toEqual(
      olympiad.teams.maze.flatMap((teamId, index) => [
        [teamId, 1, (40 + index) * 1000 + 110],
        [teamId, 2, (40 + index) * 1000 + 120],
      ]),
    );
    await page.reload();
    await page.locator('#category-title').waitFor();
    expect(await banner().innerText()).toBe('');
  });
});
