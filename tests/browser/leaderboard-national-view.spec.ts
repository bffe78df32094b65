import { formatDate, t as translate, type Lang, type MessageKey } from '@olympiad/i18n';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import request from 'supertest';
import {
  FAST_SYNC,
  issueLinkCode,
  recordFirstAttempts,
  startLinkedServers,
  waitForSameStandings,
  type LinkedStage,
} from '../support/federation';
import { eventually } from '../support/field-fixture';
import type { Venue } from '../support/start-venue';
import {
  launchChromium,
  newContext,
  openInNewContext,
  saveScreenshot,
  type ViewportName,
} from './support/chromium';

const T = (lang: Lang, key: MessageKey, params?: Record<string, string | number>) =>
  translate(lang, key, params);

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * "Results as of" as the board writes it for a page whose clock reads `now`, as a pattern: a
 * 24-hour clock time alone when the results are from that day, after their date when they are from
 * an earlier one (a run that crosses midnight). Node and Chromium share the machine's time zone.
 */
const resultsAsOf = (lang: Lang, asOf: string, now: number) => {
  const date =
    formatDate(asOf, lang) === formatDate(now, lang) ? '' : `${formatDate(asOf, lang)}, `;
  const [before, after] = T(lang, 'board.sync.resultsAsOf', { time: '\u0000' }).split('\u0000');
  return new RegExp(`^${escaped(before)}${escaped(date)}\\d\\d:\\d\\d${escaped(after)}$`);
};

const LINKED_NAME = 'Aktobe regional stage';
const UNLINKED_NAME = 'Kostanay regional stage';

/**
 * The national view on the republic server (docs/federation.md): a regional stage whose venue is
 * linked shows "results as of" its last sync and its standings as the venue published them; a
 * regional stage whose venue has not claimed its code yet says it is not linked.
 */
describe('leaderboard: the national view on the republic server', () => {
  let republic: Venue;
  let venue: Venue;
  let browser: Browser;
  let linked: LinkedStage;
  const teamNames: string[] = [];
  let venueStopped = false;
  const contexts: BrowserContext[] = [];

  const open = (path: string, viewport: ViewportName): Promise<Page> =>
    openInNewContext(browser, viewport, `${republic.url}${path}`, contexts);
  const cardOf = (page: Page, name: string): Locator =>
    page.locator('li.stage-card').filter({ has: page.getByRole('heading', { name }) });
  /** The linked stage's sync state as the republic server publishes it. */
  const linkedSync = async (): Promise<{ lastContactAt: string; resultsAsOf: string }> => {
    const stages = (await request(republic.url).get('/api/public/stages').expect(200)).body;
    return stages.find((stage: { code: string }) => stage.code === linked.stageCode).sync;
  };

  beforeAll(async () => {
    const [servers, chromium] = await Promise.all([
      startLinkedServers({ venueEnv: FAST_SYNC, teams: 3 }),
      launchChromium(),
    ]);
    ({ republic, venue, linked } = servers);
    browser = chromium;
    const { republicToken, venueToken, prepared } = servers;

    // A second regional stage of the same olympiad: live, its code issued but never claimed.
    const auth = { Authorization: `Bearer ${republicToken}` };
    const unlinked = (
      await request(republic.url)
        .post('/api/stages')
        .set(auth)
        .send({
          olympiadId: linked.olympiadId,
          kind: 'regional',
          regionCode: 'kostanay',
          name: UNLINKED_NAME,
          startsOn: '2026-12-05',
          endsOn: '2026-12-06',
          code: 'KOS-R',
        })
        .expect(201)
    ).body;
    await request(republic.url)
      .patch(`/api/stages/${unlinked.id}`)
      .set(auth)
      .send({ status: 'live' })
      .expect(200);
    await issueLinkCode(republic, republicToken, unlinked.id);

    const { teamIds, tablet } = prepared;
    await request(venue.url)
      .post(`/api/categories/${linked.categoryId}/publish`)
      .set('Authorization', `Bearer ${venueToken}`)
      .expect(200);
    await recordFirstAttempts(venue, tablet, linked, teamIds);
    teamNames.push(...teamIds.map((_, index) => `Қыран ${index + 1}`));
    await waitForSameStandings(venue, venueToken, republic, republicToken, linked.categoryId);
    // The publication travels with the stage's snapshot: wait until the public may read it.
    await eventually(async () => {
      await request(republic.url)
        .get(`/api/public/categories/${linked.categoryId}/standings`)
        .expect(200);
    }, 30_000);
  }, 120_000);

  afterAll(async () => {
    await Promise.all(contexts.map((context) => context.close()));
    await browser?.close();
    // A second stop() of a server that ended on a signal would wait for an exit already past.
    await Promise.all([venueStopped ? undefined : venue?.stop(), republic?.stop()]);
  });

  describe.each(['kk', 'ru'] as Lang[])('in %s', (lang) => {
    it.each(['phone', 'hall'] as ViewportName[])(
      'shows the linked stage with "results as of" and the other as not yet linked, on the home page and the olympiad page, on a %s',
      async (viewport) => {
        for (const [path, name] of [
          ['/', 'home'],
          [`/o/${linked.olympiadId}`, 'olympiad'],
        ]) {
          // The page's clock held where the suite read the stage, so both see the same day.
          const { resultsAsOf: asOf } = await linkedSync();
          const now = Date.now();
          const context = await newContext(browser, viewport);
          contexts.push(context);
          await context.clock.setFixedTime(now);
          const page = await context.newPage();
          await page.goto(`${republic.url}${path}?lang=${lang}`);
          const linkedCard = cardOf(page, LINKED_NAME);
          const unlinkedCard = cardOf(page, UNLINKED_NAME);
          await linkedCard.waitFor();
          await expect(linkedCard.locator('.stage-status__as-of').innerText()).resolves.toMatch(
            resultsAsOf(lang, asOf, now),
          );
          await expect(linkedCard.locator('.stage-status__badge').innerText()).resolves.toBe(
            T(lang, 'stage.status.live'),
          );
          await expect(unlinkedCard.locator('.stage-status__badge').innerText()).resolves.toBe(
            T(lang, 'board.sync.notLinked'),
          );
          expect(await unlinkedCard.getByText(/\d\d:\d\d/).count()).toBe(0);
          // Nothing runs off the side of a phone.
          expect(
            await page.evaluate(
              () => document.documentElement.scrollWidth <= document.documentElement.clientWidth,
            ),
          ).toBe(true);
          await saveScreenshot(page, `leaderboard-national-${name}-${lang}-${viewport}`);
        }
      },
    );

    it("opens the linked stage's standings on the republic server with the venue's teams", async () => {
      const page = await open(`/?lang=${lang}`, 'phone');
      await cardOf(page, LINKED_NAME)
        .getByRole('link', { name: T(lang, 'board.stages.results') })
        .click();
      await page.waitForURL(`**/s/${linked.stageCode}`);
      for (const team of teamNames) await page.getByText(team, { exact: true }).first().waitFor();
      expect(new URL(page.url()).origin).toBe(new URL(republic.url).origin);
      await saveScreenshot(page, `leaderboard-national-standings-${lang}-phone`);
    });
  });

  // Last: the venue is stopped for good, and the screens are opened twelve minutes later.
  describe('once the venue has been silent for twelve minutes', () => {
    let lastContactAt: string;
    let asOf: string;

    beforeAll(async () => {
      await venue.stop();
      venueStopped = true;
      ({ lastContactAt, resultsAsOf: asOf } = await linkedSync());
    });

    it.each(['kk', 'ru'] as Lang[])(
      'says "no news for 12 minutes" instead of "under way", still with "results as of", in %s',
      async (lang) => {
        for (const viewport of ['phone', 'hall'] as ViewportName[]) {
          const context = await newContext(browser, viewport);
          contexts.push(context);
          const now = Date.parse(lastContactAt) + 12.5 * 60_000;
          await context.clock.setFixedTime(now);
          const page = await context.newPage();
          await page.goto(`${republic.url}/o/${linked.olympiadId}?lang=${lang}`);
          const linkedCard = cardOf(page, LINKED_NAME);
          await linkedCard.waitFor();
          await expect(linkedCard.locator('.stage-status__badge').innerText()).resolves.toBe(
            T(lang, 'board.sync.noNews', { count: 12 }),
          );
          await expect(linkedCard.locator('.stage-status__as-of').innerText()).resolves.toMatch(
            resultsAsOf(lang, asOf, now),
          );
          await saveScreenshot(page, `leaderboard-national-silent-${lang}-${viewport}`);
        }
      },
    );
  });
});
