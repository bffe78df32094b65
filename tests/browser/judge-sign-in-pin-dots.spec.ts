import type { Browser } from 'playwright-core';
import type { Venue } from '../support/start-venue';
import { browserVenue } from './support/browser-venue';
import { launchChromium, newContext, saveScreenshot } from './support/chromium';
import { createJudgeOlympiad, type JudgeOlympiad } from './support/judge-olympiad';

/**
 * The PIN box shows one dot per digit typed, never a fixed row of empty circles: the console
 * gives six-digit PINs and an organiser may choose four to eight, so four circles misled judges.
 */
describe('judge sign-in: the PIN dots', () => {
  let venue: Venue;
  let browser: Browser;
  let olympiad: JudgeOlympiad;

  beforeAll(async () => {
    venue = await browserVenue();
    browser = await launchChromium();
    olympiad = await createJudgeOlympiad(venue);
  });

  afterAll(async () => {
    await browser?.close();
    await venue?.stop();
  });

  it('shows as many dots as digits typed, up to the whole six-digit PIN', async () => {
    expect(olympiad.judge.pin).toMatch(/^\d{6}$/);
    const context = await newContext(browser, 'tablet');
    try {
      const page = await context.newPage();
      await page.goto(`${venue.url}/judge/?lang=ru`);
      await page.locator('.sign-in__code input').fill(olympiad.stageCode);
      const dots = page.locator('.keypad__display .keypad__dot');
      await page.getByText('Наберите PIN-код со своей карточки').waitFor();
      expect(await dots.count()).toBe(0);
      await saveScreenshot(page, 'judge-sign-in-no-digits-ru');
      const digits = [...olympiad.judge.pin];
      for (const [index, digit] of digits.entries()) {
        await page.locator('.keypad__key', { hasText: new RegExp(`^${digit}$`) }).click();
        expect(await dots.count()).toBe(index + 1);
        if (index === 1) await saveScreenshot(page, 'judge-sign-in-two-digits-ru');
      }
      expect(
        await page.locator('.keypad__display .keypad__dot:not(.keypad__dot--filled)').count(),
      ).toBe(0);
      await page.locator('button[type="submit"]').click();
      await page.locator('#assignments-title').waitFor();
    } finally {
      await context.close();
    }
  });
});
