import { t as translate, type Lang, type MessageKey } from '@olympiad/i18n';
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import type { Venue } from '../support/start-venue';
import { judgeToken, organiserToken } from '../support/venue-api';
import { browserVenue } from './support/browser-venue';
import { launchChromium, SCREENSHOT_DIR } from './support/chromium';
import { openStageTab, signedInConsole } from './support/console-page';

const T = (lang: Lang, key: MessageKey, params?: Record<string, string | number>) =>
  translate(lang, key, params);
const TEAMS = ['Алпамыс', 'Барыс', 'Жолбарыс', 'Көкжал', 'Қыран', 'Тұлпар'];
const MINUTE = 60_000;

interface FieldQueueBody {
  fieldId: string;
  nextMatch: { matchId: string; a: { teamId: string }; b: { teamId: string } } | null;
  upcoming: { matchId: string }[];
}

/**
 * Two sumo rings share a category (docs/rules.md#schedules). The organiser's "Fields now" shows
 * each ring a different next match, the running order with "in about N minutes" once two matches
 * have set a pace, and moves on live when a match is recorded. Screenshots in kk and ru.
 */
describe('organiser console: the running order of two sumo rings sharing a category', () => {
  let venue: Venue;
  let browser: Browser;
  let page: Page;
  let stageId: string;
  let categoryId: string;
  let judge: string;
  let organiser: string;

  async function saveScreenshot(name: string) {
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
  }
  const api = (method: 'post' | 'patch' | 'get', route: string, body: object = {}) =>
    request(venue.url)[method](route).set('Authorization', `Bearer ${organiser}`).send(body);
  const queues = async () =>
    (await api('get', `/api/stages/${stageId}/field-queues`).expect(200)).body as FieldQueueBody[];
  const play = (match: NonNullable<FieldQueueBody['nextMatch']>, recordedAt: number) =>
    request(venue.url)
      .post('/api/ledger')
      .set('Authorization', `Bearer ${judge}`)
      .send({
        id: randomUUID(),
        categoryId,
        teamId: null,
        kind: 'sumo.match',
        payload: {
          matchId: match.matchId,
          a: match.a.teamId,
          b: match.b.teamId,
          events: [
            { type: 'point', side: 'a' },
            { type: 'point', side: 'b' },
            { type: 'point', side: 'a' },
          ],
        },
        recordedAt: new Date(recordedAt).toISOString(),
      })
      .expect(201);
  const ringCard = (name: string) => page.locator(`.field-card[data-field="${name}"]`);

  beforeAll(async () => {
    venue = await browserVenue();
    organiser = await organiserToken(venue);
    const olympiad = (
      await api('post', '/api/olympiads', { name: 'R:ED FEST 2026', season: '2026' }).expect(201)
    ).body;
    const stage = (
      await api('post', '/api/stages', {
        olympiadId: olympiad.id,
        kind: 'regional',
        regionCode: 'aktobe',
        name: 'Ақтөбе облыстық кезеңі',
        startsOn: '2026-12-05',
        endsOn: '2026-12-06',
      }).expect(201)
    ).body;
    stageId = stage.id;
    await api('patch', `/api/stages/${stage.id}`, { status: 'live' }).expect(200);
    const school = (
      await api('post', '/api/schools', {
        name: '№21 мектеп-гимназия',
        regionCode: 'aktobe',
      }).expect(201)
    ).body;
    categoryId = (
      await api('post', '/api/categories', {
        stageId,
        discipline: 'sumo',
        ageGroup: { label: '5–6', minGrade: 5, maxGrade: 6 },
        name: 'Сумо 5–6',
        preset: 'sumo-default',
      }).expect(201)
    ).body.id;
    for (const name of TEAMS)
      await api('post', '/api/teams', {
        stageId,
        schoolId: school.id,
        categoryId,
        name,
        members: [{ name: 'Ерлан', grade: 6 }],
      }).expect(201);
    await api('post', `/api/categories/${categoryId}/sumo/draw`, { seed: 5 }).expect(201);
    for (const name of ['Сумо рингі 1', 'Сумо рингі 2']) {
      const ring = (
        await api('post', '/api/fields', { stageId, name, discipline: 'sumo' }).expect(201)
      ).body;
      const created = (
        await api('post', '/api/judges', {
          stageId,
          name: `Төреші ${name}`,
          role: 'judge',
          categoryIds: [categoryId],
          fieldIds: [ring.id],
        }).expect(201)
      ).body;
      judge = await judgeToken(venue, stage.code, created.pin);
    }
    browser = await launchChromium();
    page = await signedInConsole(browser, venue.url);
  });

  afterAll(async () => {
    await page?.context().close();
    await browser?.close();
    await venue?.stop();
  });

  it('shows each ring a different next match and the running order with estimates, moving on live', async () => {
    await openStageTab(page, venue.url, stageId, 'console.stage.tab.overview');
    await ringCard('Сумо рингі 2').locator('[data-testid="ring-order"]').waitFor();
    // No pace before two matches are played: said honestly, not guessed.
    await ringCard('Сумо рингі 1').getByText(T('kk', 'schedule.waitUnknown')).first().waitFor();
    const nextOf = async (name: string) =>
      (await ringCard(name).locator('.ring-order__match--next').getAttribute('data-match')) ?? '';
    const [first, second] = [await nextOf('Сумо рингі 1'), await nextOf('Сумо рингі 2')];
    expect(first).not.toBe('');
    expect(second).not.toBe('');
    expect(first).not.toBe(second);

    // Two matches played four and two minutes ago: a pace of two minutes.
    const [ringOne, ringTwo] = await queues();
    const now = Date.now();
    await play(ringOne.nextMatch!, now - 4 * MINUTE - 10_000);
    await play(ringTwo.nextMatch!, now - 2 * MINUTE - 10_000);
    const played = [ringOne.nextMatch!.matchId, ringTwo.nextMatch!.matchId];
    await page.waitForFunction(
      (gone) =>
        Array.from(document.querySelectorAll('[data-testid="ring-order"] [data-match]')).every(
          (item) => !gone.includes(item.getAttribute('data-match') ?? ''),
        ),
      played,
    );
    const ring1 = ringCard('Сумо рингі 1');
    await ring1.locator('.wait-estimate[data-wait-minutes]').first().waitFor();
    const minutes = await ring1
      .locator('.wait-estimate[data-wait-minutes]')
      .evaluateAll((items) => items.map((item) => Number(item.getAttribute('data-wait-minutes'))));
    // Later in the order is never sooner, and some match is a few minutes away.
    expect(minutes).toEqual([...minutes].sort((a, b) => a - b));
    expect(Math.max(...minutes)).toBeGreaterThanOrEqual(2);
    const later = Math.max(...minutes);
    await ring1
      .getByText(T('kk', 'schedule.waitAbout', { count: later }))
      .first()
      .waitFor();
    await saveScreenshot('console-ring-running-order-tablet-kk');

    await page.locator('.ui-lang__option[lang=ru]').click();
    await ring1
      .getByText(T('ru', 'schedule.waitAbout', { count: later }))
      .first()
      .waitFor();
    await ring1.getByText(T('ru', 'schedule.ringOrder')).waitFor();
    await saveScreenshot('console-ring-running-order-tablet-ru');
  });
});
