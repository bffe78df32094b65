import { t } from '@olympiad/i18n';
import type { Browser, BrowserContext } from 'playwright-core';
import request from 'supertest';
import { startVenue, type Venue } from '../support/start-venue';
import { createMazeStage, organiserToken, type StageFixture } from '../support/venue-api';
import { launchChromium, saveScreenshot } from './support/chromium';
import { signedInTablet } from './support/judge-tablet-page';

/**
 * A judge's PIN card was lost and the organiser reset the PIN: the tablet still signed in with the
 * old PIN is signed out at its next contact with the server, says so, and signs in with the new
 * PIN (docs/security.md#tokens).
 */
describe('judge tablet: signed out when the PIN is reset', () => {
  let venue: Venue;
  let browser: Browser;
  let stage: StageFixture;
  let organiser: string;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    venue = await startVenue();
    browser = await launchChromium();
    organiser = await organiserToken(venue);
    stage = await createMazeStage(venue, organiser);
  });
  afterAll(async () => {
    await Promise.all(contexts.map((context) => context.close()));
    await browser?.close();
    await venue?.stop();
  });

  it('shows the sign-in page with "your sign-in has ended", then takes the new PIN', async () => {
    const { context, page } = await signedInTablet(
      browser,
      venue.url,
      stage.stageCode,
      stage.judge.pin,
      'kk',
    );
    contexts.push(context);

    const reset = await request(venue.url)
      .post(`/api/judges/${stage.judge.id}/pin`)
      .set('Authorization', `Bearer ${organiser}`)
      .expect(200);
    // The tablet asks the server who it is at every start.
    await page.reload();
    const notice = page.getByText(t('kk', 'errors.unauthorized'));
    await notice.waitFor();
    await expect(page.locator('#assignments-title').count()).resolves.toBe(0);
    await saveScreenshot(page, 'judge-signed-out-after-pin-reset-kk');

    await page.locator('.sign-in__code input').fill(stage.stageCode);
    for (const digit of reset.body.pin as string)
      await page.locator('.keypad__key', { hasText: new RegExp(`^${digit}$`) }).click();
    await page.locator('button[type="submit"]').click();
    await page.locator('#assignments-title').waitFor();
  });
});
