import { t as translate, type Lang, type MessageKey } from '@olympiad/i18n';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import type { Venue } from '../support/start-venue';
import { organiserToken } from '../support/venue-api';
import { browserVenue } from './support/browser-venue';
import { launchChromium, saveScreenshot } from './support/chromium';
import { openStageTab, signedInConsole } from './support/console-page';

const T = (lang: Lang, key: MessageKey) => translate(lang, key);

/**
 * The category page states the two outcomes docs/rules.md makes options — whether a maze team that
 * never finished gets a place, how head-to-head breaks a three-way sumo tie — in the reader's
 * words, and the rule editor changes them like any other parameter.
 */
describe('console: the tie and unfinished-team options in words', () => {
  let venue: Venue;
  let browser: Browser;
  let page: Page;
  let stageId: string;

  beforeAll(async () => {
    venue = await browserVenue();
    const organiser = await organiserToken(venue);
    const api = (path: string, body: object) =>
      request(venue.url).post(path).set('Authorization', `Bearer ${organiser}`).send(body);
    const olympiad = (
      await api('/api/olympiads', { name: 'R:ED FEST 2026', season: '2026' }).expect(201)
    ).body;
    stageId = (
      await api('/api/stages', {
        olympiadId: olympiad.id,
        kind: 'regional',
        regionCode: 'aktobe',
        name: 'Ақтөбе облыстық кезеңі',
        startsOn: '2026-12-05',
        endsOn: '2026-12-06',
      }).expect(201)
    ).body.id;
    await api('/api/categories', {
      stageId,
      discipline: 'maze',
      ageGroup: { label: '3–4', minGrade: 3, maxGrade: 4 },
      name: 'Лабиринт 3–4',
      preset: 'maze-default',
      params: { unfinishedTeams: 'placed-after-finishers' },
    }).expect(201);
    await api('/api/categories', {
      stageId,
      discipline: 'sumo',
      ageGroup: { label: '5–6', minGrade: 5, maxGrade: 6 },
      name: 'Сумо 5–6',
      preset: 'sumo-default',
    }).expect(201);

    browser = await launchChromium();
    page = await signedInConsole(browser, venue.url);
  });

  afterAll(async () => {
    await page?.context().close();
    await browser?.close();
    await venue?.stop();
  });

  const card = (name: string) => page.locator('.category-card').filter({ hasText: name });
  const rulesOf = (name: string) => card(name).getByTestId('rule-set-text');

  it.each(['kk', 'ru'] as const)('states both options on the category cards (%s)', async (lang) => {
    await openStageTab(page, venue.url, stageId, 'console.stage.tab.categories', lang);
    await rulesOf('Сумо 5–6').waitFor();
    const maze = await rulesOf('Лабиринт 3–4').innerText();
    expect(maze).toContain(T(lang, 'rules.maze.unfinishedTeams.placed-after-finishers'));
    expect(maze).not.toContain(T(lang, 'rules.maze.unfinishedTeams.unplaced'));
    const sumo = await rulesOf('Сумо 5–6').innerText();
    expect(sumo).toContain(T(lang, 'rules.sumo.roundRobinTies.head-to-head-reapplied'));
    expect(`${maze}\n${sumo}`).not.toMatch(/[{}]|roundRobinTies|unfinishedTeams|head-to-head/);
    await saveScreenshot(page, `console-rule-options-${lang}`);
    await card('Сумо 5–6').scrollIntoViewIfNeeded();
    await saveScreenshot(page, `console-rule-options-sumo-${lang}`);
  });

  it('changes the sumo tie option in the rule editor and states the new one (ru)', async () => {
    await openStageTab(page, venue.url, stageId, 'console.stage.tab.categories', 'ru');
    const sumo = card('Сумо 5–6');
    await sumo.getByRole('button', { name: T('ru', 'console.categories.rules') }).click();
    const editor = sumo.getByLabel(T('ru', 'console.categories.paramsHint'));
    const params = await editor.inputValue();
    expect(params).toContain('"roundRobinTies": "head-to-head-reapplied"');
    await editor.fill(params.replace('head-to-head-reapplied', 'head-to-head-once'));
    await sumo.getByRole('button', { name: T('ru', 'console.categories.paramsSave') }).click();
    await sumo.getByText(T('ru', 'rules.sumo.roundRobinTies.head-to-head-once')).waitFor();
    expect(await rulesOf('Сумо 5–6').innerText()).not.toContain(
      T('ru', 'rules.sumo.roundRobinTies.head-to-head-reapplied'),
    );
    await saveScreenshot(page, 'console-rule-options-edited-ru');
  });
});
