import type { VenueTlsInfo } from '@olympiad/contracts';
import { t, type MessageKey } from '@olympiad/i18n';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { startVenue, type Venue } from '../support/start-venue';
import { createMazeStage, organiserToken } from '../support/venue-api';
import { launchChromium, saveScreenshot } from './support/chromium';
import { openStageTab, signedInConsole } from './support/console-page';

const T = (key: MessageKey) => t('kk', key);

/**
 * The organiser prints PIN cards at the laptop (console on localhost), but judges type the address
 * on tablets: the card names the venue by its LAN name over HTTPS, with a LAN address below for a
 * tablet that cannot resolve the name (docs/venue-network.md).
 */
describe('PIN cards: the judge app by the venue name, the IP as a fallback', () => {
  let venue: Venue;
  let browser: Browser;
  let page: Page;
  let info: VenueTlsInfo;

  beforeAll(async () => {
    venue = await startVenue({ env: { VENUE_HOSTNAME: 'aktobe-olympiad' } });
    const token = await organiserToken(venue);
    const stage = await createMazeStage(venue, token, { teams: 1 });
    info = (await request(venue.url).get('/api/tls').expect(200)).body as VenueTlsInfo;
    browser = await launchChromium();
    page = await signedInConsole(browser, venue.url);
    await openStageTab(page, venue.url, stage.stageId, 'console.stage.tab.judges');
  });
  afterAll(async () => {
    await browser?.close();
    await venue?.stop();
  });

  it('prints https://<name>.local:<https port>/judge/ and a LAN address, not the console’s localhost', async () => {
    await page.getByLabel(T('console.judges.name')).fill('Іңкәр Бекова');
    await page.getByRole('button', { name: T('console.judges.submit') }).click();
    const card = page.locator('.pin-card');
    await card.waitFor();

    await card
      .locator('.pin-card__open')
      .getByText(`https://aktobe-olympiad.local:${venue.httpsPort}/judge/`)
      .waitFor();
    expect(await card.locator('.pin-card__open').innerText()).not.toContain('127.0.0.1');

    const lanAddress = info.addresses.find((address) => !/^fe[89ab]/i.test(address));
    if (lanAddress) {
      const host = lanAddress.includes(':') ? `[${lanAddress}]` : lanAddress;
      expect(await card.locator('.pin-card__fallback').innerText()).toContain(
        `https://${host}:${venue.httpsPort}/judge/`,
      );
    } else {
      expect(await card.locator('.pin-card__fallback').count()).toBe(0);
    }
    await page.emulateMedia({ media: 'print' });
    await saveScreenshot(page, 'console-pin-card-venue-name-print');
    await page.emulateMedia({ media: 'screen' });
  });
});
