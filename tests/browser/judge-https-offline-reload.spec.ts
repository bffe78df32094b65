import { t } from '@olympiad/i18n';
import { X509Certificate } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { eventually } from '../support/field-fixture';
import { startVenue, type Venue } from '../support/start-venue';
import { launchChromium, newContext, SCREENSHOT_DIR, saveScreenshot } from './support/chromium';
import { signedInConsole } from './support/console-page';
import { createJudgeOlympiad, ledgerOf, type JudgeOlympiad } from './support/judge-olympiad';
import { openCategory, signedInTablet, waitForServiceWorker } from './support/judge-tablet-page';
import { homeTrustingVenueCa, resolveVenueName } from './support/venue-ca-trust';

/**
 * A tablet on the venue Wi-Fi reaches the laptop by its LAN name, not localhost: Chromium resolves
 * olympiad.local to this machine and trusts the venue's CA through its NSS database, as a tablet
 * does after the console's trust steps (docs/venue-network.md). No certificate errors are ignored.
 */
const NAME = 'olympiad.local';
const VENUE_ENV = { VENUE_HOSTNAME: 'olympiad', MDNS: 'off' };

/** The whole page, for the README walk-through of the console's trust steps. */
async function saveFullPage(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

describe('the judge app over HTTPS on the venue name, the venue CA trusted', () => {
  let venue: Venue;
  let httpsPort: number;
  let browser: Browser;
  let olympiad: JudgeOlympiad;
  let home: string;
  let caPem: string;
  const contexts: BrowserContext[] = [];
  const httpsOrigin = () => `https://${NAME}:${httpsPort}`;

  beforeAll(async () => {
    venue = await startVenue({ env: VENUE_ENV });
    if (!venue.httpsPort) throw new Error(`The venue printed no HTTPS port:\n${venue.output()}`);
    httpsPort = venue.httpsPort;
    olympiad = await createJudgeOlympiad(venue);
    ({ home, caPem } = await homeTrustingVenueCa(venue));
    browser = await launchChromium({ args: [resolveVenueName(NAME)], env: { HOME: home } });
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await venue?.stop();
    if (home) fs.rmSync(home, { recursive: true, force: true });
  });

  it('shows the organiser the trust steps: the CA to download, its fingerprint, the judge app’s HTTPS address', async () => {
    const page = await signedInConsole(browser, httpsOrigin());
    contexts.push(page.context());
    await page.getByRole('link', { name: t('kk', 'console.tablets.title') }).click();
    await page.getByRole('heading', { name: t('kk', 'console.tablets.title') }).waitFor();

    expect(await page.getByTestId('ca-download-url').getAttribute('href')).toBe(
      `http://${NAME}:${venue.port}/api/tls/ca.crt`,
    );
    expect(await page.getByTestId('judge-https-url').getAttribute('href')).toBe(
      `${httpsOrigin()}/judge/`,
    );
    // The fingerprint a person compares on the tablet is the one of the CA the tablet trusts here.
    const fingerprint = new X509Certificate(caPem).fingerprint256.replace(/:/g, ' ');
    expect((await page.getByTestId('ca-fingerprint').innerText()).replace(/\s+/g, ' ').trim()).toBe(
      fingerprint,
    );
    await page.getByAltText(t('kk', 'console.tablets.caQrAlt')).waitFor();
    await page.getByAltText(t('kk', 'console.tablets.judgeQrAlt')).waitFor();
    await page.getByText(t('kk', 'console.tablets.android.1')).waitFor();
    await saveFullPage(page, 'tablet-trust-console-kk');

    await page.getByRole('button', { name: 'Русский' }).click();
    await page.getByRole('button', { name: t('ru', 'console.tablets.platform.ipados') }).click();
    await page.getByText(t('ru', 'console.tablets.ipados.3')).waitFor();
    await saveFullPage(page, 'tablet-trust-console-ru');
  });

  it('sends a browser that opens the name over plain HTTP to the HTTPS address', async () => {
    const context = await newContext(browser, 'tablet');
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`http://${NAME}:${venue.port}/judge/?lang=kk`);
    expect(page.url()).toBe(`${httpsOrigin()}/judge/?lang=kk`);
    await page.locator('.sign-in__code input').waitFor();
    expect(await page.evaluate(() => window.isSecureContext)).toBe(true);
    expect(await page.getByTestId('insecure-notice').count()).toBe(0);
  });

  it('reloads with the server stopped, showing the assignments and the queued entry, which arrives once the server is back', async () => {
    const { context, page } = await signedInTablet(
      browser,
      httpsOrigin(),
      olympiad.stageCode,
      olympiad.judge.pin,
    );
    contexts.push(context);
    expect(await page.evaluate(() => window.isSecureContext && window.location.origin)).toBe(
      httpsOrigin(),
    );
    await waitForServiceWorker(page);

    const banner = page.getByTestId('sync-banners');
    const [first, second] = olympiad.teamNames.maze;
    const recordAttempt = async (team: string, attempt: number, time: string) => {
      await page.locator('.queue__team', { hasText: team }).click();
      await page.getByText(`${attempt}-әрекет (3 ішінен)`).waitFor();
      await page.getByLabel('Уақыт', { exact: true }).fill(time);
      await page.getByRole('button', { name: 'Әрекетті растау' }).click();
      await page.getByText(`${attempt + 1}-әрекет (3 ішінен)`).waitFor();
    };

    // Online: two attempts reach the server.
    await openCategory(page, 'Лабиринт 3–4');
    await recordAttempt(first, 1, '0:41.10');
    await recordAttempt(first, 2, '0:42.20');
    await eventually(async () => {
      expect(await ledgerOf(venue, olympiad.organiser, olympiad.categories.maze)).toHaveLength(2);
    }, 15_000);

    // The laptop is gone: the next attempt waits on the tablet.
    await venue.stop();
    await recordAttempt(second, 1, '0:52.30');
    const waitingOne = t('kk', 'judge.sync.offlineWaiting', { count: 1 });
    await banner.getByText(waitingOne).waitFor({ timeout: 30_000 });

    // A reload without the server: the service worker opens the app, not a browser error page.
    await page.reload();
    await page.locator('#category-title').waitFor();
    await banner.getByText(waitingOne).waitFor({ timeout: 30_000 });
    await page.locator('.queue__team', { hasText: second }).click();
    await page.getByText('2-әрекет (3 ішінен)').waitFor();
    await saveScreenshot(page, 'judge-https-offline-reload-kk');
    await page.getByRole('button', { name: 'Русский' }).click();
    await banner.getByText(t('ru', 'judge.sync.offlineWaiting', { count: 1 })).waitFor();
    await saveScreenshot(page, 'judge-https-offline-reload-ru');
    await page.getByRole('button', { name: 'Қазақша' }).click();

    await page.locator('.screen__head a', { hasText: 'Артқа' }).click();
    await page.locator('#assignments-title').waitFor();
    for (const name of ['Лабиринт 3–4', 'Сумо 5–6', 'Бағдарламалау 5–6', 'Шығармашылық жоба 5–6']) {
      await page.locator('.tile__link', { hasText: name }).waitFor();
    }

    // The laptop is back on the same ports and data: the queued attempt arrives, once.
    const dataDir = venue.dataDir;
    venue = await startVenue({
      dataDir,
      port: venue.port,
      env: { ...VENUE_ENV, HTTPS_PORT: String(httpsPort) },
    });
    expect(venue.httpsPort).toBe(httpsPort);
    await page.waitForFunction(
      () => document.querySelector('[data-testid="sync-banners"]')?.textContent === '',
      null,
      { timeout: 30_000 },
    );
    const ledger = await ledgerOf(venue, olympiad.organiser, olympiad.categories.maze);
    expect(
      ledger.map((entry) => [entry.teamId, entry.payload['attempt'], entry.payload['timeMs']]),
    ).toEqual([
      [olympiad.teams.maze[0], 1, 41_100],
      [olympiad.teams.maze[0], 2, 42_200],
      [olympiad.teams.maze[1], 1, 52_300],
    ]);
    expect(new Set(ledger.map((entry) => entry.id)).size).toBe(3);

    // A reload online sends nothing again.
    await page.reload();
    await page.locator('#assignments-title').waitFor();
    expect(await banner.innerText()).toBe('');
    expect(await ledgerOf(venue, olympiad.organiser, olympiad.categories.maze)).toHaveLength(3);
  });
});

describe('the judge app on the venue name over plain HTTP, HTTPS off', () => {
  let venue: Venue;
  let browser: Browser;
  let context: BrowserContext | undefined;

  beforeAll(async () => {
    venue = await startVenue({ env: { ...VENUE_ENV, HTTPS: 'off' } });
    browser = await launchChromium({ args: [resolveVenueName(NAME)] });
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await venue?.stop();
  });

  it('says on the sign-in page that the connection is not secure, so the tablet cannot reload offline', async () => {
    context = await newContext(browser, 'tablet');
    const page = await context.newPage();
    const url = `http://${NAME}:${venue.port}/judge/?lang=kk`;
    await page.goto(url);
    expect(page.url()).toBe(url);
    expect(await page.evaluate(() => window.isSecureContext)).toBe(false);

    const notice = page.getByTestId('insecure-notice');
    await notice.getByRole('heading', { name: t('kk', 'judge.insecure.title') }).waitFor();
    await notice.getByText(t('kk', 'judge.insecure.body')).waitFor();
    await notice.getByText(t('kk', 'judge.insecure.httpsOff')).waitFor();
    await saveScreenshot(page, 'judge-insecure-notice-kk');

    await page.getByRole('button', { name: 'Русский' }).click();
    await notice.getByRole('heading', { name: t('ru', 'judge.insecure.title') }).waitFor();
    await notice.getByText(t('ru', 'judge.insecure.httpsOff')).waitFor();
    await saveScreenshot(page, 'judge-insecure-notice-ru');
  });
});
