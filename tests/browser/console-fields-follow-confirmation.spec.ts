import { t as translate, type Lang, type MessageKey } from '@olympiad/i18n';
import type { RunState } from '@olympiad/contracts';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { RawDevice } from '../support/raw-device';
import type { Venue } from '../support/start-venue';
import { judgeToken, mazeAttempt } from '../support/venue-api';
import { browserVenue } from './support/browser-venue';
import { launchChromium, SCREENSHOT_DIR } from './support/chromium';
import { openStageTab, signedInConsole } from './support/console-page';
import { createJudgeOlympiad, type JudgeOlympiad } from './support/judge-olympiad';

const T = (lang: Lang, key: MessageKey, params?: Record<string, string | number>) => translate(lang, key, params);
const FIELD = 'Алаң 1';

/**
 * The organiser's Fields now while a maze judge confirms sensor-timed runs: the card shows the
 * gate's time as not yet confirmed, and follows the judge — back to idle when the tablet frees the
 * field (also for a console opened afterwards), the confirmed result when the judge's entry arrives
 * while the run is still on the field (an offline tablet catching up). Screenshots in kk and ru.
 */
describe('organiser console: Fields now follows the judge’s confirmation', () => {
  let venue: Venue;
  let browser: Browser;
  let page: Page;
  let olympiad: JudgeOlympiad;
  let judge: string;
  let gates: RawDevice | undefined;
  let deviceClock = 1_000_000;

  async function saveScreenshot(name: string) {
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
  }
  const card = () => page.locator('.field-card', { has: page.getByRole('heading', { name: FIELD, exact: true }) });
  const runState = () => card().locator('[data-run-state]').getAttribute('data-run-state');

  /** A run timed by the field's gates, as the tablet arms it; resolves with the finished run. */
  async function timedRun(teamId: string, attempt: number, durationUs: number) {
    await request(venue.url).post(`/api/fields/${olympiad.fieldId}/runs`).set('Authorization', `Bearer ${judge}`).send({ categoryId: olympiad.categories.maze, teamId, attempt }).expect(201);
    deviceClock += 5_000_000;
    await gates!.publish(gates!.gate('start', deviceClock));
    deviceClock += durationUs;
    await gates!.publish(gates!.gate('finish', deviceClock));
    await card().locator('[data-run-state=finished]').waitFor();
    return (await request(venue.url).get(`/api/fields/${olympiad.fieldId}/run`).set('Authorization', `Bearer ${judge}`).expect(200)).body as Extract<RunState, { state: 'finished' }>;
  }

  /** The judge's entry for the run with one touch added, superseding the gate's provisional one (what the tablet sends). */
  async function confirmWithTouch(run: Extract<RunState, { state: 'finished' }>) {
    const entry = mazeAttempt({ categoryId: olympiad.categories.maze }, run.teamId, run.attempt, run.durationMs, { touches: 1, timing: 'sensor' });
    await request(venue.url)
      .post('/api/ledger')
      .set('Authorization', `Bearer ${judge}`)
      .send({ ...entry, supersedes: run.entryId, reason: 'touches' })
      .expect(201);
  }

  async function openFieldsNow(lang: Lang) {
    await openStageTab(page, venue.url, olympiad.stageId, 'console.stage.tab.overview', lang);
    await card().waitFor();
    await page.locator('.ui-connection[data-connection=online]').waitFor();
  }

  beforeAll(async () => {
    venue = await browserVenue();
    olympiad = await createJudgeOlympiad(venue);
    judge = await judgeToken(venue, olympiad.stageCode, olympiad.judge.pin);
    gates = await RawDevice.connect(venue.mqttUrl!, olympiad.device.id, olympiad.device.secret);
    await gates.status(true);
    browser = await launchChromium();
    page = await signedInConsole(browser, venue.url);
  });

  afterAll(async () => {
    await gates?.close();
    await page?.context().close();
    await browser?.close();
    await venue?.stop();
  });

  it('shows the gate time as not confirmed, then the idle field once the tablet confirms and frees it — also after a reload', async () => {
    await openFieldsNow('kk');
    const run = await timedRun(olympiad.teams.maze[2], 1, 47_381_000);
    await card().getByText('0:47.381').waitFor();
    await card().getByText(T('kk', 'console.overview.run.unconfirmed')).waitFor();
    await saveScreenshot('console-fields-unconfirmed-tablet-kk');

    await confirmWithTouch(run);
    await request(venue.url).delete(`/api/fields/${olympiad.fieldId}/runs/current`).set('Authorization', `Bearer ${judge}`).expect(200);
    await card().locator('[data-run-state=idle]').waitFor();

    // A console opened after the confirmation sees the same field, not the gate time again.
    await page.reload();
    await page.getByRole('button', { name: T('kk', 'console.stage.tab.overview') }).click();
    await card().waitFor();
    await page.locator('.ui-connection[data-connection=online]').waitFor();
    await page.waitForFunction(() => document.querySelector('.field-card [data-run-state]') !== null);
    expect(await runState()).toBe('idle');
    expect(await card().getByText('0:47.381').count()).toBe(0);
  });

  it('shows the confirmed result when the judge’s entry arrives while the run is still on the field', async () => {
    const run = await timedRun(olympiad.teams.maze[0], 1, 52_907_000);
    await card().getByText('0:52.907').waitFor();
    expect(await runState()).toBe('finished');

    await confirmWithTouch(run);
    await card().locator('[data-run-state=confirmed]').waitFor();
    await card().getByText(T('kk', 'console.overview.run.confirmed')).waitFor();
    // The rules add 10 s for the touch.
    await card().getByText('1:02.907').waitFor();
    await card().getByText(T('kk', 'console.overview.touches', { count: 1 })).waitFor();
    expect(await card().getByText('0:52.907').count()).toBe(0);
    await saveScreenshot('console-fields-confirmed-tablet-kk');

    await page.locator('.ui-lang__option[lang=ru]').click();
    await card().getByText(T('ru', 'console.overview.run.confirmed')).waitFor();
    await card().getByText(T('ru', 'console.overview.touches', { count: 1 })).waitFor();
    await saveScreenshot('console-fields-confirmed-tablet-ru');
  });
});
