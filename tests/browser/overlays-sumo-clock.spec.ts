import { overlayPath, type OverlayParams } from '@olympiad/contracts';
import { t as translate, type MessageKey } from '@olympiad/i18n';
import { parseResultTime } from '@olympiad/scoring';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { createRegionalStage, type RegionalStage } from '../support/regional-stage';
import { startVenue, type Venue } from '../support/start-venue';
import { publishedKnockoutSumo } from '../support/knockout-sumo';
import { organiserToken } from '../support/venue-api';
import { launchChromium, openInNewContext, saveScreenshot } from './support/chromium';
import { openCategory, signedInTablet } from './support/judge-tablet-page';
import {
  cornerAlphas,
  opaquePixels,
  overlayShot,
  saveOverCamera,
  scrolls,
} from './support/overlay-frame';

const kk = (key: MessageKey) => translate('kk', key);
const CATEGORY = 'Сумо 3–4';

/**
 * The score bug's round clock (docs/results-display.md#the-sumo-round-clock): the judge starts a
 * round on the ring's tablet, the overlay counts the same time down from the state the tablet
 * reported (by the server's time), and stands still when the judge pauses.
 */
describe('the score bug’s round clock follows the ring’s tablet', () => {
  let venue: Venue;
  let browser: Browser;
  let stage: RegionalStage;
  let categoryId: string;
  let tablet: { context: BrowserContext; page: Page };
  const contexts: BrowserContext[] = [];

  const open = (params: Partial<OverlayParams> & Pick<OverlayParams, 'kind'>) =>
    openInNewContext(
      browser,
      'hall',
      `${venue.url}${overlayPath({ stageCode: stage.stageCode, ...params })}`,
      contexts,
    );

  beforeAll(async () => {
    venue = await startVenue();
    browser = await launchChromium();
    const token = await organiserToken(venue);
    const auth = { Authorization: `Bearer ${token}` };
    const post = (path: string, body: object = {}) =>
      request(venue.url).post(path).set(auth).send(body);
    stage = await createRegionalStage(venue, token);
    categoryId = stage.categories[CATEGORY];
    await request(venue.url)
      .patch(`/api/stages/${stage.stageId}`)
      .set(auth)
      .send({ status: 'live' })
      .expect(200);
    // A knockout: every match is in the public bracket the score bug reads.
    await publishedKnockoutSumo(venue, token, stage.stageId, categoryId);
    const ring = (
      await post('/api/fields', {
        stageId: stage.stageId,
        name: 'Ринг 1',
        discipline: 'sumo',
      }).expect(201)
    ).body;
    const judge = (
      await post('/api/judges', {
        stageId: stage.stageId,
        name: 'Ринг төрешісі',
        role: 'judge',
        categoryIds: [categoryId],
        fieldIds: [ring.id],
      }).expect(201)
    ).body;
    tablet = await signedInTablet(browser, venue.url, stage.stageCode, judge.pin, 'kk');
    contexts.push(tablet.context);
  });

  afterAll(async () => {
    await Promise.all(contexts.map((context) => context.close()));
    await browser?.close();
    await venue?.stop();
  });

  it('counts down with the tablet, within 100 ms, and stands still when the judge pauses', async () => {
    const bugKk = await open({ kind: 'score-bug', categoryId, lang: 'kk' });
    const bugRu = await open({ kind: 'score-bug', categoryId, lang: 'ru' });
    await openCategory(tablet.page, CATEGORY);
    const panel = tablet.page.locator('.match-panel');
    await panel.waitFor();
    const tabletClock = panel.locator('[data-testid="match-clock"]');
    for (const bug of [bugKk, bugRu]) await bug.locator('.score-bug').waitFor();
    // Before the judge starts, no clock is on air.
    expect(await bugKk.locator('[data-testid="round-clock"]').count()).toBe(0);

    await panel.getByRole('button', { name: kk('judge.sumo.startSignal') }).click();
    const clock = bugKk.locator('[data-testid="round-clock"]');
    await clock.and(bugKk.locator('[data-state="running"]')).waitFor({ timeout: 10_000 });
    // The bug shows the match the ring plays, whatever the bracket's order.
    for (const side of ['a', 'b'] as const)
      expect(await bugKk.locator(`[data-side="${side}"] .score-bug__team`).innerText()).toBe(
        await panel.locator(`.sumo-side--${side} .sumo-side__name`).innerText(),
      );
    // The start delay over, both count the match time down.
    await panel.getByText(kk('judge.sumo.timeLeft')).waitFor({ timeout: 15_000 });
    const first = await clock.innerText();
    await bugKk.waitForFunction(
      (before) => document.querySelector('[data-testid="round-clock"]')?.textContent !== before,
      first,
    );
    const [onTablet, onOverlay, onRu] = await Promise.all([
      tabletClock.innerText(),
      clock.innerText(),
      bugRu.locator('[data-testid="round-clock"]').innerText(),
    ]);
    const tabletMs = parseResultTime(onTablet) as number;
    expect(tabletMs).toBeLessThan(180_000);
    expect(Math.abs((parseResultTime(onOverlay) as number) - tabletMs)).toBeLessThanOrEqual(100);
    expect(Math.abs((parseResultTime(onRu) as number) - tabletMs)).toBeLessThanOrEqual(100);

    await panel.getByRole('button', { name: kk('judge.sumo.pause') }).click();
    for (const bug of [bugKk, bugRu])
      await bug.locator('[data-testid="round-clock"][data-state="paused"]').waitFor();
    const paused = await tabletClock.innerText();
    expect(await clock.innerText()).toBe(paused);
    expect(await bugRu.locator('[data-testid="round-clock"]').innerText()).toBe(paused);

    await saveScreenshot(tablet.page, 'overlay-sumo-clock-tablet-paused-kk');
    for (const [bug, lang] of [
      [bugKk, 'kk'],
      [bugRu, 'ru'],
    ] as const) {
      expect(await scrolls(bug)).toBe(false);
      const shot = await overlayShot(bug);
      expect(cornerAlphas(shot)).toEqual([0, 0, 0, 0]);
      await saveOverCamera(browser, shot, `overlay-score-bug-clock-paused-${lang}`);
      expect(opaquePixels(shot)).toBeGreaterThan(0);
    }

    // Resumed, it runs on from where it stood.
    await panel.getByRole('button', { name: kk('judge.sumo.resume') }).click();
    await clock.and(bugKk.locator('[data-state="running"]')).waitFor();
    await bugKk.waitForFunction(
      (before) => document.querySelector('[data-testid="round-clock"]')?.textContent !== before,
      paused,
    );
    expect(parseResultTime(await clock.innerText()) as number).toBeLessThan(
      parseResultTime(paused) as number,
    );
  });
});
