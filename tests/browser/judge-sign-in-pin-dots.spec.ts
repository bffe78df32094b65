import { newContext, saveScreenshot } from './support/chromium';
import { judgeTabletSuite } from './support/judge-tablet-suite';

/**
 * The PIN box shows one dot per digit typed, never a fixed row of empty circles: the console
 * gives six-digit PINs and an organiser may choose four to eight, so four circles misled judges.
 */
describe('judge sign-in: the PIN dots', () => {
  const tablet = judgeTabletSuite({ signIn: false });

  it('shows as many dots as digits typed, up to the whole six-digit PIN', async () => {
    expect(tablet.olympiad.judge.pin).toMatch(/^\d{6}$/);
    const context = await newContext(tablet.browser, 'tablet');
    try {
      const page = await context.newPage();
      await page.goto(`${tablet.venue.url}/judge/?lang=ru`);
      await page.locator('.sign-in__code input').fill(tablet.olympiad.stageCode);
      const dots = page.locator('.keypad__display .keypad__dot');
      await page.getByText('Наберите PIN-код со своей карточки').waitFor();
      expect(await dots.count()).toBe(0);
      await saveScreenshot(page, 'judge-sign-in-no-digits-ru');
      const digits = [...tablet.olympiad.judge.pin];
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
