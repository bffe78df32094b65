import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Venue } from '../support/start-venue';
import { browserVenue } from './support/browser-venue';
import { launchChromium, saveScreenshot } from './support/chromium';
import { createJudgeOlympiad, type JudgeOlympiad } from './support/judge-olympiad';
import { signedInTablet } from './support/judge-tablet-page';

/**
 * A field tile on the home screen opens the field's scoring screen; the maze judge's field,
 * category and team survive a reload of the tablet.
 */
describe('judge tablet: the field tiles and the judge’s place', () => {
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
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await venue?.stop();
  });

  const fieldTile = (name: string) => page.locator('.tile', { hasText: name }).getByRole('link');
  const chosenTeam = () => page.locator('.queue__team[aria-pressed="true"]');

  it('opens the maze field from its tile', async () => {
    await saveScreenshot(page, 'judge-field-tiles-kk');
    await fieldTile('Алаң 1').click();
    await page.locator('#category-title', { hasText: 'Лабиринт 3–4' }).waitFor();
    await page.locator('#queue-title').waitFor();
    expect(new URL(page.url()).searchParams.get('field')).toBe(olympiad.fieldId);
  });

  it('comes back to the same field, category and team after a reload', async () => {
    await page.locator('.queue__team', { hasText: 'Сұңқар' }).click();
    await page.locator('.run-title', { hasText: 'Сұңқар' }).waitFor();
    await page.reload();
    await page.locator('#category-title', { hasText: 'Лабиринт 3–4' }).waitFor();
    await page.locator('.run-title', { hasText: 'Сұңқар' }).waitFor();
    expect(await chosenTeam().innerText()).toContain('Сұңқар');
    await page.locator('#sensor-title').waitFor();
    expect(new URL(page.url()).searchParams.get('field')).toBe(olympiad.fieldId);

    // Choosing another team moves the remembered place with it.
    await page.locator('.queue__team', { hasText: 'Тұлпар' }).click();
    await page.reload();
    await page.locator('.run-title', { hasText: 'Тұлпар' }).waitFor();
    expect(await chosenTeam().innerText()).toContain('Тұлпар');
  });

  it('opens the sumo ring from its tile', async () => {
    await page.locator('.screen__head a', { hasText: 'Артқа' }).click();
    await fieldTile('Ринг 1').click();
    await page.locator('#category-title', { hasText: 'Сумо 5–6' }).waitFor();
    await page.locator('[data-testid="ring-button"]').waitFor();
    expect(new URL(page.url()).searchParams.get('field')).toBe(olympiad.ring.fieldId);
  });
});
