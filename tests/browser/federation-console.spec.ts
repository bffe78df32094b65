import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LANGUAGE_NAMES, t, type Lang, type MessageKey } from '@olympiad/i18n';
import type { Browser, Locator, Page } from 'playwright-core';
import {
  createRegionalStageOnRepublic,
  FAST_SYNC,
  ledgerCount,
  prepareVenueStage,
  recordAttempt,
  startLinkedServers,
  type LinkedStage,
} from '../support/federation';
import { startVenue, type Venue } from '../support/start-venue';
import { judgeToken } from '../support/venue-api';
import { launchChromium, saveScreenshot } from './support/chromium';
import { signedInConsole } from './support/console-page';

const T = (key: MessageKey, params?: Record<string, string | number>) => t('kk', key, params);
const STAGE_NAME = 'Aktobe regional stage';

/**
 * Both consoles of docs/federation.md in Chromium, against two real servers: the republic
 * organiser issues a link code on screen, the venue organiser pastes it; the venue's strip follows
 * the link up, down (the republic server stopped) and up again (restarted on its port and data),
 * and the republic imports the venue's bundle file through the file picker.
 */
describe('federation consoles: linking a venue, its link strip and the republic venues list', () => {
  let republic: Venue;
  let venue: Venue;
  let browser: Browser;
  let republicPage: Page;
  let venuePage: Page;
  let republicToken: string;
  let venueToken: string;
  let linked: LinkedStage;
  let teamIds: string[];
  let tablet: string;
  let attempt = 0;
  let republicRunning = true;

  const strip = () => venuePage.getByRole('status', { name: T('console.federation.strip.label') });
  const stripSays = (locator: Locator, ...texts: string[]) =>
    texts.reduce((found, text) => found.filter({ hasText: text }), locator);
  /** Up, with no entry and no stage change waiting. */
  const stripAllSent = () =>
    stripSays(
      strip(),
      T('console.federation.strip.up'),
      T('console.federation.waiting', { count: 0 }),
    ).filter({ hasNotText: T('console.federation.changesWaiting') });
  const venueCard = () =>
    republicPage
      .getByRole('listitem')
      .filter({ has: republicPage.getByRole('heading', { name: STAGE_NAME }) });

  /** Waits for the strip to say what `expected` filters for; a failure tells what it said instead. */
  async function untilStrip(expected: Locator, timeout: number) {
    try {
      await expected.waitFor({ timeout });
    } catch (error) {
      throw new Error(
        `${(error as Error).message}\nThe strip said: ${await strip().textContent()}`,
      );
    }
  }

  /** One finished maze attempt for each of `count` teams, recorded by the judge at the venue. */
  async function scoreAtVenue(count: number) {
    attempt++;
    for (const teamId of teamIds.slice(0, count))
      await recordAttempt(venue, tablet, linked, teamId, attempt, 40_000 + attempt * 1_000);
  }

  /**
   * The screen as it is in Kazakh, then in Russian (switched on the page), then back to Kazakh;
   * with `subject` scrolled into view (the language buttons are at the top of the page).
   */
  async function shotInBoth(page: Page, name: string, subject?: Locator) {
    for (const lang of ['kk', 'ru'] as Lang[]) {
      await page.getByRole('button', { name: LANGUAGE_NAMES[lang] }).click();
      await page.getByRole('button', { name: LANGUAGE_NAMES[lang], pressed: true }).waitFor();
      await subject?.scrollIntoViewIfNeeded();
      await saveScreenshot(page, `${name}-${lang}`);
    }
    await page.getByRole('button', { name: LANGUAGE_NAMES.kk }).click();
  }

  beforeAll(async () => {
    // The organisers link the venue on screen.
    ({ republic, venue, republicToken, venueToken, linked } = await startLinkedServers({
      link: 'none',
      venueEnv: FAST_SYNC,
    }));
    browser = await launchChromium();
    [republicPage, venuePage] = await Promise.all([
      signedInConsole(browser, republic.url),
      signedInConsole(browser, venue.url),
    ]);
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await Promise.all([venue?.stop(), republicRunning ? republic?.stop() : undefined]);
  });

  let code = '';

  it('the republic organiser issues a link code, shown as text and as a QR code', async () => {
    await republicPage.getByRole('link', { name: T('console.venues.title') }).click();
    await republicPage.getByRole('heading', { name: T('console.venues.title') }).waitFor();
    await venueCard().getByText(T('console.venues.state.not-linked')).waitFor();
    await venueCard()
      .getByRole('button', { name: T('console.venues.issueCode') })
      .click();

    const dialog = republicPage.getByRole('dialog', {
      name: T('console.venues.codeTitle', { stage: STAGE_NAME }),
    });
    // It opens below the card's buttons, under the fold of a tablet: it must come into view.
    const dialogTop = await dialog.evaluate((element) => element.getBoundingClientRect().top);
    expect(dialogTop).toBeGreaterThanOrEqual(0);
    expect(dialogTop).toBeLessThan(republicPage.viewportSize()!.height / 2);
    code = await dialog.getByLabel(T('console.venues.codeLabel')).inputValue();
    expect(code).toMatch(/^OLYMPIAD-LINK:[A-Za-z0-9_-]+$/);
    const qr = dialog.getByRole('img', { name: T('console.venues.qrAlt') });
    await qr.waitFor();
    expect(await qr.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBeGreaterThan(100);
    await venueCard().getByText(T('console.venues.state.code-issued')).waitFor();
    await shotInBoth(
      republicPage,
      'federation-republic-code-dialog',
      republicPage.getByRole('dialog'),
    );
  });

  it('the venue organiser is told what is wrong with a pasted note, then pastes the code and lands on the linked stage with its strip up', async () => {
    // Located by its class: its name changes with the language while the shots are taken.
    const panel = venuePage.locator('.link-panel');
    await venuePage.getByRole('region', { name: T('console.federation.linkTitle') }).waitFor();
    await shotInBoth(venuePage, 'federation-venue-link-panel', panel);
    await venuePage
      .getByLabel(T('console.federation.codeLabel'))
      .fill('this is a note, not a link code');
    await venuePage.getByRole('button', { name: T('console.federation.linkSubmit') }).click();
    await panel
      .getByRole('alert')
      .filter({ hasText: T('federation.badLinkText') })
      .waitFor();

    await venuePage.getByLabel(T('console.federation.codeLabel')).fill(code);
    await venuePage.getByRole('button', { name: T('console.federation.linkSubmit') }).click();
    await venuePage.getByRole('heading', { name: STAGE_NAME }).waitFor();
    await stripSays(strip(), T('console.federation.strip.up')).waitFor();
    expect(new URL(venuePage.url()).pathname).toBe(`/console/stages/${linked.stageId}`);
  });

  it('scores at the venue reach the republic: nothing waits, the venues list shows the entries', async () => {
    const prepared = await prepareVenueStage(venue, venueToken, linked, 3);
    teamIds = prepared.teamIds;
    tablet = await judgeToken(venue, linked.stageCode, prepared.judge.pin);
    await scoreAtVenue(3);

    await untilStrip(stripAllSent(), 30_000);
    expect(await ledgerCount(republic, republicToken, linked.categoryId)).toBe(3);
    await shotInBoth(venuePage, 'federation-venue-strip-up');

    await venueCard().getByText(T('console.venues.state.linked')).waitFor({ timeout: 15_000 });
    await venueCard()
      .getByText(T('console.venues.entries', { count: 3 }))
      .waitFor({ timeout: 15_000 });
    await shotInBoth(republicPage, 'federation-republic-venues');

    await venuePage.getByRole('button', { name: T('console.stage.tab.republic') }).click();
    await venuePage.getByRole('heading', { name: T('console.federation.tab.title') }).waitFor();
    await shotInBoth(venuePage, 'federation-venue-republic-tab');
  });

  it('the republic server stops: after more scoring the strip says the link is down and what waits', async () => {
    await republic.stop();
    republicRunning = false;
    await scoreAtVenue(2);
    // Refused or timed out, depending on where the stop caught the sender: either in plain words.
    const plainProblem = new RegExp(
      [T('console.federation.error.unreachable'), T('console.federation.error.timeout')]
        .map((text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
        .join('|'),
    );
    await untilStrip(
      stripSays(
        strip(),
        T('console.federation.strip.down'),
        T('console.federation.waiting', { count: 2 }),
      ).filter({ hasText: plainProblem }),
      75_000,
    );
    // The strip stays in view on every tab, not only on the Republic tab.
    await venuePage.getByRole('button', { name: T('console.stage.tab.teams') }).click();
    await stripSays(strip(), T('console.federation.strip.down')).waitFor();
    // …and at the top of the screen however far the tab is scrolled.
    await venuePage
      .getByRole('heading', { name: T('console.teams.title', { count: 3 }) })
      .waitFor();
    await venuePage.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    expect(await venuePage.evaluate(() => window.scrollY)).toBeGreaterThan(200);
    const stripTop = await strip().evaluate((element) => element.getBoundingClientRect().top);
    expect(stripTop).toBeGreaterThanOrEqual(0);
    expect(stripTop).toBeLessThan(20);
    await venuePage.evaluate(() => window.scrollTo(0, 0));
    await shotInBoth(venuePage, 'federation-venue-strip-down');
  });

  it('the republic server comes back on its port and data: "Send now" empties the queue', async () => {
    republic = await startVenue({ dataDir: republic.dataDir, port: republic.port });
    republicRunning = true;
    await venuePage.getByRole('button', { name: T('console.stage.tab.republic') }).click();
    await venuePage.getByRole('button', { name: T('console.federation.sendNow') }).click();
    await untilStrip(stripAllSent(), 30_000);
    expect(await ledgerCount(republic, republicToken, linked.categoryId)).toBe(5);
  });

  it('a bundle file from the venue is imported on the republic through the file picker', async () => {
    const download = venuePage.waitForEvent('download');
    await venuePage.getByRole('button', { name: T('console.federation.downloadBundle') }).click();
    const file = path.join(
      fs.mkdtempSync(path.join(os.tmpdir(), 'bundle-')),
      (await download).suggestedFilename(),
    );
    await (await download).saveAs(file);
    expect(path.basename(file)).toMatch(/\.olympiad-bundle$/);

    await republicPage.reload();
    await republicPage.getByLabel(T('console.venues.importPick')).setInputFiles(file);
    await republicPage
      .getByText(
        T('console.venues.imported', {
          file: path.basename(file),
          applied: 0,
          duplicates: 5,
          conflicts: 0,
        }),
      )
      .waitFor({ timeout: 20_000 });

    const notABundle = path.join(path.dirname(file), 'notes.olympiad-bundle');
    fs.writeFileSync(notABundle, 'just some text');
    await republicPage.getByLabel(T('console.venues.importPick')).setInputFiles(notABundle);
    await republicPage
      .getByText(
        T('console.venues.importRefused', {
          file: 'notes.olympiad-bundle',
          reason: T('federation.notABundle'),
        }),
      )
      .waitFor();
  });

  it('a second stage is linked with the link file the republic console downloads, then unlinked there with a second tap', async () => {
    const second = await createRegionalStageOnRepublic(republic, republicToken, 'KST-R');
    await republicPage.goto(`${republic.url}/console/venues`);
    const card = republicPage
      .getByRole('listitem')
      .filter({ hasText: T('stage.code', { code: 'KST-R' }) });
    const download = republicPage.waitForEvent('download');
    await card.getByRole('button', { name: T('console.venues.downloadLinkFile') }).click();
    const file = path.join(
      fs.mkdtempSync(path.join(os.tmpdir(), 'link-')),
      'KST-R.olympiad-link.json',
    );
    await (await download).saveAs(file);
    expect((await download).suggestedFilename()).toBe('KST-R.olympiad-link.json');

    await venuePage.goto(`${venue.url}/console/`);
    await venuePage.getByLabel(T('console.federation.linkFile')).setInputFiles(file);
    await venuePage.waitForURL(`**/console/stages/${second.stageId}`);
    // The file carries the republic's address: the venue claims the stage there by itself.
    await untilStrip(stripSays(strip(), T('console.federation.strip.up')), 30_000);
    await card.getByText(T('console.venues.state.linked')).waitFor({ timeout: 15_000 });

    await card.getByRole('button', { name: T('console.venues.showConflicts') }).click();
    await card.getByText(T('console.venues.noConflicts')).waitFor();
    // Unlinking takes a second tap; until then nothing changes.
    await card.getByRole('button', { name: T('console.venues.unlink') }).click();
    await card.getByRole('button', { name: T('console.venues.unlinkConfirm') }).click();
    await card.getByText(T('console.venues.state.not-linked')).waitFor();
  });

  it("the venue's stage on the republic says it is run by the venue and read-only there", async () => {
    await republicPage.goto(`${republic.url}/console/stages/${linked.stageId}`);
    await republicPage.getByRole('heading', { name: STAGE_NAME }).waitFor();
    await republicPage.getByText(T('console.venues.readOnly')).waitFor();
    expect(await republicPage.getByText(T('console.venues.readOnly')).count()).toBe(1);
  });
});
