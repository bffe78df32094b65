import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Venue } from '../support/start-venue';
import { browserVenue } from './support/browser-venue';
import { launchChromium, saveScreenshot } from './support/chromium';
import { createJudgeOlympiad, ledgerOf, type JudgeOlympiad } from './support/judge-olympiad';
import { openCategory, signedInTablet } from './support/judge-tablet-page';
import { SimulatedGate } from './support/simulated-gate';

/**
 * Confirming an attempt says what was recorded (team, attempt, result) and keeps saying it until the
 * judge does the next thing; a fast double tap on Confirm records the attempt once.
 */
describe('maze screen: confirming an attempt', () => {
  let venue: Venue;
  let browser: Browser;
  let olympiad: JudgeOlympiad;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    venue = await browserVenue();
    browser = await launchChromium();
    olympiad = await createJudgeOlympiad(venue);
    ({ context, page } = await signedInTablet(
      browser,
      venue.url,
      olympiad.stageCode,
      olympiad.judge.pin,
    ));
    await openCategory(page, 'Лабиринт 3–4');
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await venue?.stop();
  });

  const recorded = () => page.locator('[data-testid="attempt-recorded"]');

  async function ledgerSettled(count: number) {
    for (;;) {
      const entries = await ledgerOf(venue, olympiad.organiser, olympiad.categories.maze);
      if (
        entries.length >= count &&
        (await page.locator('[data-testid="sync-banners"]').innerText()) === ''
      )
        return entries;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  it('records a double-tapped Confirm once and shows what was recorded', async () => {
    await page.locator('.queue__team', { hasText: 'Қыран' }).click();
    await page.getByLabel('Уақыт', { exact: true }).fill('0:52.31');
    await page.getByRole('button', { name: 'Бір жанасу артық' }).click();
    await page.getByRole('button', { name: 'Әрекетті растау' }).dblclick();

    const entries = await ledgerSettled(1);
    expect(
      entries.map((entry) => [
        entry.teamId,
        entry.payload['attempt'],
        entry.payload['timeMs'],
        entry.payload['touches'],
      ]),
    ).toEqual([[olympiad.teams.maze[0], 1, 52_310, 1]]);
    await recorded().waitFor();
    expect(await recorded().innerText()).toMatch(
      /Қыран[\s\S]*1-әрекет[\s\S]*1:02\.31[\s\S]*1 жанасу/,
    );
    // It stays once the server has the entry, until the judge's next action.
    await recorded().getByText('Сервер қабылдады').waitFor({ timeout: 30_000 });
    await page.getByText('2-әрекет (3 ішінен)').waitFor();
    await saveScreenshot(page, 'maze-attempt-recorded-kk');
    await page.getByRole('button', { name: 'Русский' }).click();
    await recorded()
      .getByText(/Қыран, попытка 1/)
      .waitFor();
    await saveScreenshot(page, 'maze-attempt-recorded-ru');
    await page.getByRole('button', { name: 'Қазақша' }).click();
    expect(await recorded().count()).toBe(1);

    await page.locator('.queue__team', { hasText: 'Тұлпар' }).click();
    await recorded().waitFor({ state: 'detached' });
  });

  it('records a double-tapped Confirm of a sensor-timed run once', async () => {
    await page.getByRole('button', { name: '1-әрекетке дайын' }).click();
    const gate = await SimulatedGate.connect(
      venue.mqttUrl as string,
      olympiad.device.id,
      olympiad.device.secret,
    );
    try {
      await gate.gate('start');
      await page.locator('.big-clock--running').waitFor();
      // The running clock counts in the sensor's thousandths, like the time it becomes.
      expect(await page.locator('[data-testid="sensor-clock"]').innerText()).toMatch(
        /^\d+:\d\d\.\d{3}$/,
      );
      await gate.gate('finish', 48_120_000);
    } finally {
      await gate.close();
    }
    await page
      .locator('[data-testid="sensor-clock"]')
      .getByText('0:48.120', { exact: true })
      .waitFor();
    await page.getByRole('button', { name: 'Бір жанасу артық' }).click();
    await page.getByRole('button', { name: 'Бір жанасу артық' }).click();
    await page.getByRole('button', { name: 'Әрекетті растау' }).dblclick();
    await recorded()
      .getByText(/Тұлпар, 1-әрекет: 1:08\.120/)
      .waitFor();

    // One list, one precision: the stopwatch time beside the sensor's is written in thousandths.
    await page.locator('.queue__team', { hasText: 'Қыран' }).getByText('1:02.310').waitFor();

    // The provisional entry of the finish gate and the judge's one correction of it.
    const entries = (await ledgerSettled(3)).filter(
      (entry) => entry.teamId === olympiad.teams.maze[1],
    );
    expect(
      entries.map((entry) => [
        entry.payload['timeMs'],
        entry.payload['touches'],
        entry.supersedes !== null,
      ]),
    ).toEqual([
      [48_120, 0, false],
      [48_120, 2, true],
    ]);
  });
});
