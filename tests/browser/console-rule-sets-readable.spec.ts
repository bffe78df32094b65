import { t as translate, type Lang, type MessageKey } from '@olympiad/i18n';
import { RULE_SET_PRESETS } from '@olympiad/scoring';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import type { Venue } from '../support/start-venue';
import { judgeToken, mazeAttempt, organiserToken } from '../support/venue-api';
import { browserVenue } from './support/browser-venue';
import { launchChromium, saveScreenshot } from './support/chromium';
import { openStageTab, signedInConsole } from './support/console-page';

const T = (lang: Lang, key: MessageKey, params?: Record<string, string | number>) =>
  translate(lang, key, params);
const PRESET_IDS = RULE_SET_PRESETS.map((preset) => preset.name);

/**
 * What an organiser reads about rule sets and results in the console: presets by their names in
 * the reader's language and the rules in words (never `maze-default` or JSON), and a results table
 * writing a whole-second hand time with the thousandths of the sensor time beside it.
 */
describe('console: rule sets by name, rules in words, one time format', () => {
  let venue: Venue;
  let browser: Browser;
  let page: Page;
  let stageId: string;

  beforeAll(async () => {
    venue = await browserVenue();
    const organiser = await organiserToken(venue);
    const api = (method: 'post' | 'patch', path: string, body: object = {}) =>
      request(venue.url)[method](path).set('Authorization', `Bearer ${organiser}`).send(body);
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
    const school = (
      await api('post', '/api/schools', {
        name: '№21 мектеп-гимназия',
        regionCode: 'aktobe',
      }).expect(201)
    ).body;
    const maze = (
      await api('post', '/api/categories', {
        stageId,
        discipline: 'maze',
        ageGroup: { label: '3–4', minGrade: 3, maxGrade: 4 },
        name: 'Лабиринт 3–4',
        preset: 'maze-default',
      }).expect(201)
    ).body;
    await api('post', '/api/categories', {
      stageId,
      discipline: 'creative',
      ageGroup: { label: '5–6', minGrade: 5, maxGrade: 6 },
      name: 'Шығармашылық 5–6',
      preset: 'creative-default',
    }).expect(201);
    const teams: string[] = [];
    for (const name of ['Тұлпар', 'Арлан']) {
      teams.push(
        (
          await api('post', '/api/teams', {
            stageId,
            schoolId: school.id,
            categoryId: maze.id,
            name,
            members: [{ name: 'Әлихан', grade: 4 }],
          }).expect(201)
        ).body.id,
      );
    }
    const judge = (
      await api('post', '/api/judges', {
        stageId,
        name: 'Асқар',
        role: 'judge',
        categoryIds: [maze.id],
      }).expect(201)
    ).body;
    const judgeAuth = { Authorization: `Bearer ${await judgeToken(venue, stage.code, judge.pin)}` };
    await request(venue.url)
      .post('/api/ledger')
      .set(judgeAuth)
      .send(mazeAttempt({ categoryId: maze.id }, teams[0], 1, 56_838, { timing: 'sensor' }))
      .expect(201);
    await request(venue.url)
      .post('/api/ledger')
      .set(judgeAuth)
      .send(mazeAttempt({ categoryId: maze.id }, teams[1], 1, 41_000, { timing: null }))
      .expect(201);

    browser = await launchChromium();
    page = await signedInConsole(browser, venue.url);
  });

  afterAll(async () => {
    await page?.context().close();
    await browser?.close();
    await venue?.stop();
  });

  const shownText = () => page.locator('main').innerText();

  it.each(['kk', 'ru'] as const)(
    'names the presets and states the rules in words (%s)',
    async (lang) => {
      await openStageTab(page, venue.url, stageId, 'console.stage.tab.categories', lang);
      const cards = page.locator('.category-card');
      await cards.getByText(T(lang, 'preset.maze-default')).waitFor();
      await cards.getByText(T(lang, 'preset.creative-default')).waitFor();
      const rules = await page.getByTestId('rule-set-text').allInnerTexts();
      expect(rules).toHaveLength(2);
      expect(rules.join('\n')).toContain(
        lang === 'kk'
          ? 'уақыт шегі 3:00; жанасу айыбы +10 с'
          : 'лимит времени 3:00; штраф за касание +10 с',
      );
      // The new-category form offers the presets by name too.
      const options = await page
        .getByLabel(T(lang, 'console.categories.preset'))
        .locator('option')
        .allInnerTexts();
      expect(options).toContain(T(lang, 'preset.maze-default'));
      const text = await shownText();
      for (const id of PRESET_IDS) expect(text).not.toContain(id);
      expect(text).not.toMatch(/Maze: 3 attempts|timeLimitMs|[{}]/);
      await saveScreenshot(page, `console-rule-sets-${lang}`);
    },
  );

  it.each(['kk', 'ru'] as const)(
    'writes the results table times alike and names the rule set (%s)',
    async (lang) => {
      await openStageTab(page, venue.url, stageId, 'console.stage.tab.results', lang);
      await page
        .getByLabel(T(lang, 'console.results.category'))
        .selectOption({ label: 'Лабиринт 3–4' });
      const table = page.locator('table.data-table');
      await table.getByText('Тұлпар').waitFor();
      const cells = await table
        .locator('tbody tr')
        .evaluateAll((rows) =>
          rows.map((row) =>
            Array.from(row.querySelectorAll('td')).map((cell) => cell.textContent ?? ''),
          ),
        );
      expect(cells.map((row) => [row[1], row[3]])).toEqual([
        ['Арлан', '0:41.000'],
        ['Тұлпар', '0:56.838'],
      ]);
      await page
        .getByText(T(lang, 'console.results.ruleSet', { preset: T(lang, 'preset.maze-default') }))
        .waitFor();
      const text = await shownText();
      for (const id of PRESET_IDS) expect(text).not.toContain(id);
      await table.scrollIntoViewIfNeeded();
      await saveScreenshot(page, `console-results-times-${lang}`);
    },
  );
});
