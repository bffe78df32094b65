import { t as translate, type Lang, type MessageKey } from '@olympiad/i18n';
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { RawDevice } from '../support/raw-device';
import { TEST_ADMIN, type Venue } from '../support/start-venue';
import { judgeToken, mazeAttempt, organiserToken } from '../support/venue-api';
import { browserVenue } from './support/browser-venue';
import { launchChromium, newContext, SCREENSHOT_DIR } from './support/chromium';

const T = (lang: Lang, key: MessageKey, params?: Record<string, string | number>) => translate(lang, key, params);
const MAZE_TEAMS = ['Тұлпар', 'Арлан', 'Қыран', 'Барыс'];

interface DaySetup {
  stageId: string;
  mazeCategoryId: string;
  teams: Record<string, string>;
  device: { id: string; secret: string };
  fieldJudge: string;
}

/**
 * A live stage on the morning of the day: a maze table with its gate controller and a judge, a
 * sumo ring with its draw made, a second maze table nobody was assigned to yet.
 */
async function seedDay(venue: Venue): Promise<DaySetup> {
  const organiser = await organiserToken(venue);
  const api = (method: 'post' | 'patch', path: string, body: object = {}) => request(venue.url)[method](path).set('Authorization', `Bearer ${organiser}`).send(body);
  const olympiad = (await api('post', '/api/olympiads', { name: 'R:ED FEST 2026', season: '2026' }).expect(201)).body;
  const stage = (
    await api('post', '/api/stages', { olympiadId: olympiad.id, kind: 'regional', regionCode: 'aktobe', name: 'Ақтөбе облыстық кезеңі', startsOn: '2026-12-05', endsOn: '2026-12-06' }).expect(201)
  ).body;
  await api('patch', `/api/stages/${stage.id}`, { status: 'live' }).expect(200);
  const school = (await api('post', '/api/schools', { name: '№21 мектеп-гимназия', regionCode: 'aktobe' }).expect(201)).body;
  const maze = (
    await api('post', '/api/categories', { stageId: stage.id, discipline: 'maze', ageGroup: { label: '3–4', minGrade: 3, maxGrade: 4 }, name: 'Лабиринт 3–4', preset: 'maze-default' }).expect(201)
  ).body;
  const sumo = (
    await api('post', '/api/categories', { stageId: stage.id, discipline: 'sumo', ageGroup: { label: '5–6', minGrade: 5, maxGrade: 6 }, name: 'Сумо 5–6', preset: 'sumo-default' }).expect(201)
  ).body;
  const teams: Record<string, string> = {};
  for (const name of MAZE_TEAMS) {
    teams[name] = (await api('post', '/api/teams', { stageId: stage.id, schoolId: school.id, categoryId: maze.id, name, members: [{ name: 'Әлихан', grade: 4 }] }).expect(201)).body.id;
  }
  for (const name of ['Алпамыс', 'Батыр', 'Жолбарыс', 'Көкжал']) {
    await api('post', '/api/teams', { stageId: stage.id, schoolId: school.id, categoryId: sumo.id, name, members: [{ name: 'Іңкәр', grade: 6 }] }).expect(201);
  }
  await api('post', `/api/categories/${sumo.id}/sumo/draw`, { seed: 7 }).expect(201);
  const table = (await api('post', '/api/fields', { stageId: stage.id, name: 'Лабиринт үстелі 1', discipline: 'maze' }).expect(201)).body;
  const ring = (await api('post', '/api/fields', { stageId: stage.id, name: 'Сумо рингі', discipline: 'sumo' }).expect(201)).body;
  await api('post', '/api/fields', { stageId: stage.id, name: 'Лабиринт үстелі 2', discipline: 'maze' }).expect(201);
  const device = (await api('post', '/api/devices', { id: 'gate-table-1', fieldId: table.id, label: 'Қақпалар' }).expect(201)).body;
  const judge = (await api('post', '/api/judges', { stageId: stage.id, name: 'Асқар Төрешіұлы', role: 'judge', categoryIds: [maze.id], fieldIds: [table.id] }).expect(201)).body;
  await api('post', '/api/judges', { stageId: stage.id, name: 'Бекзат Сұлтанов', role: 'judge', categoryIds: [sumo.id], fieldIds: [ring.id] }).expect(201);
  return {
    stageId: stage.id,
    mazeCategoryId: maze.id,
    teams,
    device: { id: device.id, secret: device.secret },
    fieldJudge: await judgeToken(venue, stage.code, judge.pin),
  };
}

/**
 * The organiser runs the day from the console: the overview shows a run on the maze table go
 * armed → running (a live clock) → finished (the device's time) from a simulated gate controller,
 * the next team moves on, and the attempt queue of the table follows. Screenshots in kk and ru.
 */
describe('organiser console: running the day', () => {
  let venue: Venue;
  let browser: Browser;
  let page: Page;
  let day: DaySetup;
  let gates: RawDevice | undefined;
  /** What the server says waits for the head judge; null when it cannot say (no such endpoint). */
  let heldOpen: number | null = null;

  /** The whole page (the field cards and the queue run below the tabs). */
  async function saveScreenshot(target: Page, name: string) {
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await target.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
  }
  const card = (name: string) => page.locator('.field-card', { has: page.getByRole('heading', { name, exact: true }) });
  const nextTeam = () => card('Лабиринт үстелі 1').getByTestId('next-team').locator('strong').innerText();
  const clock = () => card('Лабиринт үстелі 1').locator('.run-status__clock').innerText();

  beforeAll(async () => {
    venue = await browserVenue();
    day = await seedDay(venue);
    // One tablet entry refused while the category was locked, handed to the head judge.
    const held = await request(venue.url)
      .post('/api/held-entries')
      .set('Authorization', `Bearer ${day.fieldJudge}`)
      .send({ entry: { ...mazeAttempt({ categoryId: day.mazeCategoryId }, day.teams['Барыс'], 1, 58_000), id: randomUUID() }, refusal: { key: 'ledger.categoryLocked', message: 'The category is locked' } });
    const open = await request(venue.url).get(`/api/stages/${day.stageId}/held-entries?status=open`).set('Authorization', `Bearer ${await organiserToken(venue)}`);
    heldOpen = held.status === 201 && open.status === 200 ? open.body.length : null;
    browser = await launchChromium();
    page = await (await newContext(browser, 'tablet')).newPage();
    page.setDefaultTimeout(10_000);
  });

  afterAll(async () => {
    await gates?.close();
    await page?.context().close();
    await browser?.close();
    await venue?.stop();
  });

  it('opens the overview: every field with its sensor, what runs, who is next and what waits for the head judge', async () => {
    await page.goto(`${venue.url}/console/?lang=kk`);
    await page.getByLabel(T('kk', 'console.username')).fill(TEST_ADMIN.username);
    await page.getByLabel(T('kk', 'console.password')).fill(TEST_ADMIN.password);
    await page.getByRole('button', { name: T('kk', 'common.signIn'), exact: true }).click();
    await page.getByRole('heading', { name: T('kk', 'console.olympiads.title') }).waitFor();
    await page.goto(`${venue.url}/console/stages/${day.stageId}`);
    await page.getByRole('button', { name: T('kk', 'console.stage.tab.overview') }).click();
    await card('Лабиринт үстелі 1').waitFor();
    await page.locator('.ui-connection[data-connection=online]').waitFor();

    gates = await RawDevice.connect(venue.mqttUrl!, day.device.id, day.device.secret);
    await gates.status(true);
    await gates.publish(gates.heartbeat(1_000_000, 87));
    const table = card('Лабиринт үстелі 1');
    await table.locator('[data-device=gate-table-1][data-online=true]').waitFor();
    await table.getByText(T('kk', 'console.devices.battery', { value: 87 })).waitFor();
    await table.getByText(T('kk', 'console.overview.run.idle')).waitFor();
    expect(await nextTeam()).toBe('Арлан');
    await table.getByText(T('kk', 'console.overview.waitingCount', { count: 4 })).waitFor();

    // The ring: its next match from the draw; the table nobody stands at says what to do.
    // The first pair is the next match; the ring's running order follows it.
    expect(await card('Сумо рингі').getByText(/ – /).first().innerText()).toMatch(/^(Алпамыс|Батыр|Жолбарыс|Көкжал) – (Алпамыс|Батыр|Жолбарыс|Көкжал)$/);
    await card('Лабиринт үстелі 2').getByText(T('kk', 'console.overview.noCategories')).waitFor();

    const total = page.getByTestId('held-total').locator('[data-held]');
    if (heldOpen === null) {
      await total.getByText(T('kk', 'console.overview.unknown')).waitFor();
    } else {
      await page.waitForFunction((count) => document.querySelector('[data-testid=held-total] [data-held]')?.getAttribute('data-held') === String(count), heldOpen);
      expect(await table.locator('.field-card__held [data-held]').getAttribute('data-held')).toBe('1');
      expect(await card('Сумо рингі').locator('.field-card__held [data-held]').getAttribute('data-held')).toBe('0');
    }
    await saveScreenshot(page, 'console-overview-idle-tablet-kk');
  });

  it('shows the run armed → running with a live clock → finished with the device time, and the next team moves on', async () => {
    const table = card('Лабиринт үстелі 1');
    await request(venue.url)
      .post(`/api/fields/${(await fieldIdOf('Лабиринт үстелі 1'))}/runs`)
      .set('Authorization', `Bearer ${day.fieldJudge}`)
      .send({ categoryId: day.mazeCategoryId, teamId: day.teams['Арлан'], attempt: 1 })
      .expect(201);
    await table.locator('[data-run-state=armed]').waitFor();
    await table.locator('.run-status__team', { hasText: 'Арлан' }).waitFor();
    await table.getByText(T('kk', 'console.overview.attempt', { attempt: 1, max: 3 })).first().waitFor();
    expect(await nextTeam()).toBe('Барыс');
    await saveScreenshot(page, 'console-overview-armed-tablet-kk');

    await gates!.publish(gates!.gate('start', 5_000_000));
    await table.locator('[data-run-state=running]').waitFor();
    const first = await clock();
    await page.waitForTimeout(1_300);
    const later = await clock();
    expect(later).toMatch(/^0:0\d\.\d$/);
    expect(later > first).toBe(true);
    await saveScreenshot(page, 'console-overview-running-tablet-kk');

    await gates!.publish(gates!.gate('finish', 52_310_000));
    await table.locator('[data-run-state=finished]').waitFor();
    expect(await clock()).toBe('0:47.310');
    // Арлан's attempt 1 is recorded: it waits for attempt 2 after the others' first; Барыс is next.
    await page.waitForFunction(() => document.querySelector('[data-field="Лабиринт үстелі 1"] [data-testid=next-team] strong')?.textContent === 'Барыс');
    await table.getByText(T('kk', 'console.overview.waitingCount', { count: 4 })).waitFor();
    await saveScreenshot(page, 'console-overview-finished-tablet-kk');
  });

  it('the attempt queue of the table: Арлан to its second attempt after the others, live as the next run is armed', async () => {
    await page.getByRole('button', { name: T('kk', 'console.stage.tab.queue') }).click();
    const queue = page.locator('.attempt-queue__team');
    await page.waitForFunction(() => document.querySelectorAll('.attempt-queue__team').length === 4);
    expect(await queue.evaluateAll((items) => items.map((item) => item.getAttribute('data-team')))).toEqual(['Барыс', 'Қыран', 'Тұлпар', 'Арлан']);
    expect(await queue.last().innerText()).toContain(T('kk', 'console.overview.attempt', { attempt: 2, max: 3 }));
    await page.locator('.queue-card__now [data-run-state=finished]').waitFor();
    await saveScreenshot(page, 'console-queue-tablet-kk');

    await request(venue.url)
      .post(`/api/fields/${await fieldIdOf('Лабиринт үстелі 1')}/runs`)
      .set('Authorization', `Bearer ${day.fieldJudge}`)
      .send({ categoryId: day.mazeCategoryId, teamId: day.teams['Барыс'], attempt: 1 })
      .expect(201);
    await page.locator('.queue-card__now [data-run-state=armed]').waitFor();
    await page.waitForFunction(() => document.querySelectorAll('.attempt-queue__team').length === 3);
    expect(await queue.first().getAttribute('data-team')).toBe('Қыран');
  });

  it('reads the same in Russian', async () => {
    await page.locator('.ui-lang__option[lang=ru]').click();
    await page.getByRole('heading', { name: T('ru', 'console.queue.title') }).waitFor();
    await page.getByText(T('ru', 'console.queue.waitingTitle', { count: 3 })).waitFor();
    await saveScreenshot(page, 'console-queue-tablet-ru');
    await page.getByRole('button', { name: T('ru', 'console.stage.tab.overview') }).click();
    await card('Лабиринт үстелі 1').locator('[data-run-state=armed]').waitFor();
    await card('Лабиринт үстелі 1').getByText(T('ru', 'console.overview.run.armed')).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ru');
    await saveScreenshot(page, 'console-overview-tablet-ru');
  });

  async function fieldIdOf(name: string): Promise<string> {
    const fields = (await request(venue.url).get(`/api/stages/${day.stageId}/fields`).set('Authorization', `Bearer ${day.fieldJudge}`).expect(200)).body as { id: string; name: string }[];
    return fields.find((field) => field.name === name)!.id;
  }
});
