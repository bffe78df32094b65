import { t } from '@olympiad/i18n';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { addMazeField } from '../support/field-fixture';
import { startVenue, TEST_ADMIN, type Venue } from '../support/start-venue';
import {
  createMazeStage,
  organiserToken,
  publishLive,
  type StageFixture,
} from '../support/venue-api';
import { launchChromium, newContext, saveScreenshot, type ViewportName } from './support/chromium';
import { openStageTab } from './support/console-page';
import { openCategory, waitForServiceWorker } from './support/judge-tablet-page';

/** A real (tiny) PNG for the olympiad's logo on the hall screen: 1×1, one red pixel. */
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108020000009077' +
    '53de0000000c4944415408d763f8cfc000000301010018dd8db40000000049454e44ae426082',
  'hex',
);

declare global {
  interface Window {
    cspViolations?: string[];
  }
}

/**
 * A context whose pages record every Content-Security-Policy violation: the DOM event (scripts,
 * styles, images, fonts, connections, workers) and the browser's console report of it.
 */
async function watchedContext(
  browser: Browser,
  viewport: ViewportName,
  contexts: BrowserContext[],
) {
  const context = await newContext(browser, viewport);
  contexts.push(context);
  await context.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) =>
      window.cspViolations?.push(
        `${event.effectiveDirective} blocked ${event.blockedURI} (${event.sourceFile}:${event.lineNumber})`,
      ),
    );
  });
  const reported: string[] = [];
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  page.on('console', (message) => {
    if (
      /Content Security Policy|Refused to (load|execute|apply|connect|create|evaluate|frame)/i.test(
        message.text(),
      )
    )
      reported.push(message.text());
  });
  /** Every violation the page saw so far (the current document's and the console's). */
  const violations = async () => [
    ...(await page.evaluate(() => window.cspViolations ?? [])),
    ...reported,
  ];
  return { context, page, violations };
}

describe('every app works under the Content-Security-Policy (docs/security.md)', () => {
  let venue: Venue;
  let browser: Browser;
  let stage: StageFixture;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    venue = await startVenue({ env: { ADMIN_PASSWORD: '' } });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await Promise.all(contexts.map((context) => context.close()));
    await browser?.close();
    await venue?.stop();
  });

  /** Opens `path` and checks the document came with the policy (so the page is really under it). */
  async function open(page: Page, path: string): Promise<void> {
    const response = await page.goto(`${venue.url}${path}`);
    expect(response?.headers()['content-security-policy']).toContain("default-src 'self'");
  }

  it('the console: first-run setup, a stage’s tabs with QR codes, the tablets page', async () => {
    const { page, violations } = await watchedContext(browser, 'tablet', contexts);
    const link =
      /First run: create the organiser account at \S+(\/console\/setup\?token=[A-Z0-9]+)/.exec(
        venue.output(),
      );
    if (!link) throw new Error('no setup link');
    await open(page, `${link[1]}&lang=en`);
    await page.getByLabel(t('en', 'console.username')).fill(TEST_ADMIN.username);
    await page.getByLabel(t('en', 'console.password')).fill(TEST_ADMIN.password);
    await page.getByRole('button', { name: t('en', 'console.setup.submit') }).click();
    await page.getByRole('heading', { name: t('en', 'console.olympiads.title') }).waitFor();
    expect(await violations()).toEqual([]);

    const organiser = await organiserToken(venue);
    stage = await createMazeStage(venue, organiser);
    await publishLive(venue, organiser, stage);
    await addMazeField(venue, organiser, stage, 'gate-csp-1');
    await request(venue.url)
      .post(`/api/olympiads/${stage.olympiadId}/logo`)
      .set('Authorization', `Bearer ${organiser}`)
      .send({ data: PNG.toString('base64') })
      .expect(200);

    for (const tab of [
      'console.stage.tab.categories',
      'console.stage.tab.fields',
      'console.stage.tab.judges',
      'console.stage.tab.displays',
    ] as const) {
      await openStageTab(page, venue.url, stage.stageId, tab, 'en');
      await page.waitForLoadState('networkidle');
      expect({ tab, violations: await violations() }).toEqual({ tab, violations: [] });
    }

    await open(page, '/console/tablets?lang=en');
    await page.getByRole('heading', { name: t('en', 'console.tablets.title') }).waitFor();
    // The QR codes are data: URLs drawn by the page.
    await page.getByAltText(t('en', 'console.tablets.judgeQrAlt')).waitFor();
    expect(
      await page
        .getByAltText(t('en', 'console.tablets.judgeQrAlt'))
        .evaluate((img: HTMLImageElement) => img.naturalWidth),
    ).toBeGreaterThan(0);
    await saveScreenshot(page, 'csp-console-tablets-en');
    expect(await violations()).toEqual([]);
  });

  it('the judge app: sign-in, a category, live updates and its service worker', async () => {
    const { page, violations } = await watchedContext(browser, 'tablet', contexts);
    await open(page, '/judge/?lang=en');
    await page.locator('.sign-in__code input').fill(stage.stageCode);
    for (const digit of stage.judge.pin)
      await page.locator('.keypad__key', { hasText: new RegExp(`^${digit}$`) }).click();
    await page.locator('button[type="submit"]').click();
    await page.locator('#assignments-title').waitFor();
    await waitForServiceWorker(page);
    await openCategory(page, 'Maze 3–4');
    await page.getByText('Қыран 1').first().waitFor();
    await page.waitForLoadState('networkidle');
    await saveScreenshot(page, 'csp-judge-category-en');
    expect(await violations()).toEqual([]);
  });

  it('the leaderboard: stages, a stage live, the hall screen with the logo, a display pairing', async () => {
    const { page, violations } = await watchedContext(browser, 'hall', contexts);
    await open(page, '/?lang=en');
    await page.getByText('Aktobe regional stage').first().waitFor();
    expect(await violations()).toEqual([]);

    await open(page, `/s/${stage.stageCode}?lang=en`);
    await page.getByText('Қыран 1').first().waitFor();
    expect(await violations()).toEqual([]);

    await open(page, `/hall/${stage.stageCode}?lang=en`);
    const logo = page.locator('img.hall__logo');
    await logo.waitFor();
    await page.waitForFunction(
      () =>
        (document.querySelector('img.hall__logo') as HTMLImageElement | null)?.complete === true,
    );
    expect(await logo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);
    await saveScreenshot(page, 'csp-leaderboard-hall-1080-en');
    expect(await violations()).toEqual([]);

    await open(page, '/display?lang=en');
    await page.getByTestId('pairing-code').waitFor();
    expect(await violations()).toEqual([]);
  });

  it('the API documentation page', async () => {
    const { page, violations } = await watchedContext(browser, 'tablet', contexts);
    await open(page, '/api/docs');
    await page.locator('.swagger-ui .opblock').first().waitFor();
    await saveScreenshot(page, 'csp-api-docs');
    expect(await violations()).toEqual([]);
  });
});
