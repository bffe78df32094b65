import { t as translate, type Lang, type MessageKey } from '@olympiad/i18n';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import type { Venue } from '../support/start-venue';
import { organiserToken } from '../support/venue-api';
import { browserVenue } from './support/browser-venue';
import { launchChromium, SCREENSHOT_DIR } from './support/chromium';
import { openStageTab, signedInConsole } from './support/console-page';

const T = (lang: Lang, key: MessageKey, params?: Record<string, string | number>) => translate(lang, key, params);
const JUNIOR = ['Арлан', 'Әлем', 'Барыс', 'Қыран', 'Тұлпар'];
const SENIOR = ['Дала', 'Елік'];

/**
 * Two maze tables share the junior category; the first also runs the senior one. The organiser's
 * Attempt queue: no team is called at both tables, each table says with which it shares, and the
 * first table's one queue names each team's category. Screenshots in kk and ru.
 */
describe('organiser console: two maze tables sharing a category', () => {
  let venue: Venue;
  let browser: Browser;
  let page: Page;
  let stageId: string;

  async function saveScreenshot(name: string) {
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
  }
  const listed = () => page.locator('.attempt-queue__team').evaluateAll((items) => items.map((item) => item.getAttribute('data-team')));

  beforeAll(async () => {
    venue = await browserVenue();
    const organiser = await organiserToken(venue);
    const api = (method: 'post' | 'patch', route: string, body: object) => request(venue.url)[method](route).set('Authorization', `Bearer ${organiser}`).send(body);
    const olympiad = (await api('post', '/api/olympiads', { name: 'R:ED FEST 2026', season: '2026' }).expect(201)).body;
    const stage = (await api('post', '/api/stages', { olympiadId: olympiad.id, kind: 'regional', regionCode: 'aktobe', name: 'Ақтөбе облыстық кезеңі', startsOn: '2026-12-05', endsOn: '2026-12-06' }).expect(201)).body;
    stageId = stage.id;
    await api('patch', `/api/stages/${stage.id}`, { status: 'live' }).expect(200);
    const school = (await api('post', '/api/schools', { name: '№21 мектеп-гимназия', regionCode: 'aktobe' }).expect(201)).body;
    const category = async (name: string, label: string, grade: number, teams: string[]) => {
      const created = (await api('post', '/api/categories', { stageId: stage.id, discipline: 'maze', ageGroup: { label, minGrade: grade, maxGrade: grade + 1 }, name, preset: 'maze-default' }).expect(201)).body;
      for (const team of teams) await api('post', '/api/teams', { stageId: stage.id, schoolId: school.id, categoryId: created.id, name: team, members: [{ name: 'Әлихан', grade }] }).expect(201);
      return created.id as string;
    };
    const junior = await category('Лабиринт 3–4', '3–4', 3, JUNIOR);
    const senior = await category('Лабиринт 5–6', '5–6', 5, SENIOR);
    const table1 = (await api('post', '/api/fields', { stageId: stage.id, name: 'Лабиринт үстелі 1', discipline: 'maze' }).expect(201)).body;
    const table2 = (await api('post', '/api/fields', { stageId: stage.id, name: 'Лабиринт үстелі 2', discipline: 'maze' }).expect(201)).body;
    await api('post', '/api/judges', { stageId: stage.id, name: 'Асқар Төрешіұлы', role: 'judge', categoryIds: [junior, senior], fieldIds: [table1.id] }).expect(201);
    await api('post', '/api/judges', { stageId: stage.id, name: 'Дана Серікқызы', role: 'judge', categoryIds: [junior], fieldIds: [table2.id] }).expect(201);

    browser = await launchChromium();
    page = await signedInConsole(browser, venue.url);
  });

  afterAll(async () => {
    await page?.context().close();
    await browser?.close();
    await venue?.stop();
  });

  it('calls each junior team at one table only, and names each team’s category on the mixed table', async () => {
    await openStageTab(page, venue.url, stageId, 'console.stage.tab.queue');
    await page.getByRole('heading', { name: 'Лабиринт үстелі 1' }).waitFor();
    await page.waitForFunction(() => document.querySelectorAll('.attempt-queue__team').length > 0);
    const first = await listed();
    await page.getByText(T('kk', 'console.queue.shared', { category: 'Лабиринт 3–4', tables: 'Лабиринт үстелі 2' })).waitFor();
    await page.getByText(T('kk', 'console.queue.mixed', { count: 2 })).waitFor();
    const categoryOf = (team: string) => page.locator(`.attempt-queue__team[data-team="${team}"] .team-category`).innerText();
    expect(await categoryOf('Дала')).toBe('Лабиринт 5–6');
    expect(await categoryOf('Арлан')).toBe('Лабиринт 3–4');
    await saveScreenshot('console-queue-shared-table-1-tablet-kk');

    await page.getByRole('button', { name: 'Лабиринт үстелі 2' }).click();
    await page.getByRole('heading', { name: 'Лабиринт үстелі 2' }).waitFor();
    await page.getByText(T('kk', 'console.queue.shared', { category: 'Лабиринт 3–4', tables: 'Лабиринт үстелі 1' })).waitFor();
    const second = await listed();
    // Between them the two tables call every junior team, none twice.
    expect(first.filter((team) => second.includes(team))).toEqual([]);
    expect([...first, ...second].filter((team) => JUNIOR.includes(team!)).sort()).toEqual([...JUNIOR].sort());
    expect(second).toEqual(['Қыран', 'Тұлпар']);
    expect(await page.locator('.team-category').count()).toBe(0);

    await page.locator('.ui-lang__option[lang=ru]').click();
    await page.getByText(T('ru', 'console.queue.shared', { category: 'Лабиринт 3–4', tables: 'Лабиринт үстелі 1' })).waitFor();
    await page.getByRole('button', { name: 'Лабиринт үстелі 1' }).click();
    await page.getByText(T('ru', 'console.queue.mixed', { count: 2 })).waitFor();
    await saveScreenshot('console-queue-shared-table-1-tablet-ru');
  });
});
