import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { t as translate, type MessageKey } from '@olympiad/i18n';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { TEST_ADMIN, type Venue } from '../support/start-venue';
import { judgeToken, mazeAttempt, organiserToken } from '../support/venue-api';
import { browserVenue } from './support/browser-venue';
import { launchChromium, newContext, SCREENSHOT_DIR } from './support/chromium';

const ROOT = path.resolve(__dirname, '..', '..');
const DEMO_CSV = path.join(ROOT, 'docs', 'demo-teams.csv');
const DOCS_IMAGES = path.join(ROOT, 'docs', 'images');
const ARTIFACTS = path.join(ROOT, 'tests', 'artifacts');
const T = (key: MessageKey, params?: Record<string, string | number>) => translate('kk', key, params);

/**
 * The README's walkthrough, done by a browser: an organiser sets up the Aktobe regional stage from
 * an empty database, imports docs/demo-teams.csv, creates judges (PIN cards), draws the sumo
 * groups and downloads the protocol, which poppler turns into text and a PNG to look at.
 * `UPDATE_DOCS_IMAGES=1` also refreshes the README's screenshots in docs/images/.
 */
describe('organiser console: a regional stage from scratch', () => {
  let venue: Venue;
  let browser: Browser;
  let page: Page;

  async function shot(name: string, options: { docs?: boolean; fullPage?: boolean } = {}) {
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const file = path.join(SCREENSHOT_DIR, `${name}.png`);
    await page.screenshot({ path: file, fullPage: options.fullPage ?? false });
    if (options.docs && process.env.UPDATE_DOCS_IMAGES === '1') {
      fs.mkdirSync(DOCS_IMAGES, { recursive: true });
      fs.copyFileSync(file, path.join(DOCS_IMAGES, `${name}.png`));
    }
  }

  beforeAll(async () => {
    venue = await browserVenue();
    browser = await launchChromium();
    page = await (await newContext(browser, 'tablet')).newPage();
  });

  afterAll(async () => {
    await page?.context().close();
    await browser?.close();
    await venue?.stop();
  });

  it('signs in and creates the olympiad and its Aktobe regional stage', async () => {
    await page.goto(`${venue.url}/console/?lang=kk`);
    await page.getByLabel(T('console.username')).fill(TEST_ADMIN.username);
    await page.getByLabel(T('console.password')).fill(TEST_ADMIN.password);
    await page.getByRole('button', { name: T('common.signIn'), exact: true }).click();
    await page.getByRole('heading', { name: T('console.olympiads.title') }).waitFor();

    await page.getByLabel(T('console.olympiads.name')).fill('R:ED FEST 2026');
    await page.getByLabel(T('console.olympiads.season')).fill('2025–2026');
    await page.getByRole('button', { name: T('console.olympiads.submit') }).click();
    await page.getByRole('button', { name: T('console.stages.show') }).click();

    await page.getByLabel(T('console.stages.region')).selectOption('aktobe');
    await page.getByLabel(T('console.stages.name')).fill('Ақтөбе облыстық кезеңі');
    await page.getByLabel(T('console.stages.venue')).fill('Ақтөбе, №21 мектеп-гимназия');
    await page.getByLabel(T('console.stages.startsOn')).fill('2026-12-05');
    await page.getByLabel(T('console.stages.endsOn')).fill('2026-12-06');
    await page.getByRole('button', { name: T('console.stages.submit') }).click();
    await page.getByText(/Ақтөбе облыстық кезеңі.*құрылды/).waitFor();
    await shot('console-1-stage-created', { docs: true });
    await page.getByRole('link', { name: T('console.stages.open') }).click();
    await page.getByRole('heading', { name: 'Ақтөбе облыстық кезеңі' }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/console\/stages\/[^/]+$/);
  });

  it('adds maze and sumo categories from rule-set presets, rules editable before the start', async () => {
    for (const [discipline, group] of [['maze', '3–4'], ['maze', '5–6'], ['sumo', '3–4']] as const) {
      await page.getByLabel(T('console.categories.discipline')).selectOption(discipline);
      await page.getByLabel(T('console.categories.ageGroup')).selectOption(group);
      await page.getByRole('button', { name: T('console.categories.submit') }).click();
      const name = `${T(`discipline.${discipline}`)} ${group}`;
      await page.getByRole('heading', { name, exact: true }).waitFor();
    }
    await page.getByRole('button', { name: new RegExp(T('console.categories.rules')) }).first().click();
    const rules = page.getByLabel(T('console.categories.paramsHint'));
    expect(JSON.parse(await rules.inputValue())).toMatchObject({ attempts: 3 });
    expect(await rules.getAttribute('readonly')).toBeNull();
    await shot('console-2-categories', { docs: true });
  });

  it('imports docs/demo-teams.csv: a preview names each problem by row and column, nothing is saved before the confirm', async () => {
    await page.getByRole('button', { name: T('console.stage.tab.teams') }).click();
    await page.getByText(T('console.teams.empty')).waitFor();
    await page.locator('input[type=file]').setInputFiles(DEMO_CSV);
    await page.getByText(T('console.import.summary', { rows: 16, valid: 15, invalid: 1, warnings: 1, newSchools: 6 })).waitFor();
    const problems = page.locator('.problems-table tbody tr');
    expect(await problems.count()).toBe(2);
    expect(await problems.nth(0).innerText()).toMatch(/^15\s+Команда атауы\s+/);
    expect(await problems.nth(0).innerText()).toContain('Байтерек');
    expect(await problems.nth(1).innerText()).toMatch(/^16\s+1-қатысушы сыныбы\s+/);
    expect(await page.getByText(T('console.teams.title', { count: 0 })).count()).toBe(1);
    await shot('console-3-import-preview', { docs: true, fullPage: true });

    await page.getByLabel(T('console.import.skipInvalid', { invalid: 1, valid: 15 })).check();
    await page.getByRole('button', { name: T('console.import.confirm', { count: 15 }) }).click();
    await page.getByText(T('console.import.done', { teams: 15, schools: 6 })).waitFor();
    await page.getByText(T('console.teams.title', { count: 15 })).waitFor();
    // The look-alike Latin "a" was replaced: the team sorts and searches as Байтерек.
    await page.getByLabel(T('console.teams.search')).fill('байтерек');
    await page.locator('.team-row').filter({ hasText: 'Байтерек' }).waitFor();
    await page.getByLabel(T('console.teams.search')).fill('');
    const qyran = page.locator('.team-row').filter({ hasText: 'Қыран' });
    await qyran.getByRole('button', { name: T('console.teams.checkIn') }).click();
    await qyran.getByRole('button', { name: T('console.teams.undoCheckIn') }).waitFor();
    await page.getByText(T('console.teams.checkedInCount', { count: 1, total: 15 })).waitFor();
    const tulpar = page.locator('.team-row').filter({ hasText: 'Тұлпар' });
    await tulpar.getByRole('button', { name: T('console.teams.markAbsent') }).click();
    await tulpar.getByText(T('console.teams.status.absent'), { exact: true }).waitFor();
    await tulpar.getByRole('button', { name: T('console.teams.reactivate') }).waitFor();
    await page.getByRole('heading', { name: T('console.teams.title', { count: 15 }) }).evaluate((heading) => heading.scrollIntoView());
    await shot('console-4-teams', { docs: true });
  });

  let judgePin = '';
  it('creates a head judge and a judge, shows each PIN once and prints PIN cards', async () => {
    await page.getByRole('button', { name: T('console.stage.tab.judges') }).click();
    await page.getByLabel(T('console.judges.name')).fill('Өмірбек Жақсылықов');
    await page.getByLabel(T('console.judges.role')).selectOption('head-judge');
    await page.getByRole('button', { name: T('console.judges.submit') }).click();
    await page.getByText(/Өмірбек Жақсылықов PIN-коды: \d+/).waitFor();

    await page.getByLabel(T('console.judges.name')).fill('Іңкәр Бекова');
    await page.getByLabel(T('console.judges.role')).selectOption('judge');
    await page.getByLabel('Лабиринт 3–4').check();
    await page.getByRole('button', { name: T('console.judges.submit') }).click();
    const banner = await page.getByText(/Іңкәр Бекова PIN-коды: \d+/).innerText();
    judgePin = /: (\d+)\./.exec(banner)?.[1] ?? '';
    expect(judgePin).toMatch(/^\d{4,8}$/);
    expect(await page.locator('.pin-card').count()).toBe(2);
    await shot('console-5-judges', { docs: true, fullPage: true });
    await page.emulateMedia({ media: 'print' });
    await shot('console-5-pin-cards-print');
    await page.emulateMedia({ media: 'screen' });
  });

  it('adds a maze table, registers its sensor controller, shows the secret once with a QR code and its health', async () => {
    await page.getByRole('button', { name: T('console.stage.tab.fields') }).click();
    await page.getByText(T('console.fields.empty')).waitFor();
    await page.getByLabel(T('console.fields.name')).fill('Лабиринт үстелі 1');
    await page.getByRole('button', { name: T('console.fields.submit') }).click();
    await page.getByRole('heading', { name: 'Лабиринт үстелі 1' }).waitFor();
    await page.getByLabel(T('console.devices.id')).fill('maze-gate-1');
    await page.getByRole('button', { name: T('console.devices.register') }).click();
    await page.getByText(T('console.devices.secretOnce', { id: 'maze-gate-1' })).waitFor();
    const qr = page.getByAltText(T('console.devices.qrAlt', { id: 'maze-gate-1' }));
    await qr.waitFor();
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    expect(await page.locator('pre.secret-once__code').innerText()).toContain('"deviceId":"maze-gate-1"');
    const row = page.locator('.team-row').filter({ hasText: 'maze-gate-1' });
    await row.getByText(T('console.devices.offline')).waitFor();
    await shot('console-6-fields-devices', { docs: true, fullPage: true });
    await page.getByRole('button', { name: T('console.devices.secretSaved') }).click();
    expect(await page.locator('pre.secret-once__code').count()).toBe(0);
  });

  it('draws the sumo groups with teams of one school apart', async () => {
    await page.getByRole('button', { name: T('console.stage.tab.sumo') }).click();
    await page.getByText(T('console.sumo.notDrawn')).waitFor();
    await page.getByRole('button', { name: T('console.sumo.draw'), exact: true }).click();
    await page.getByText(T('console.sumo.group', { name: 'A' })).waitFor();
    const drawn = await page.locator('.group-table tbody tr').count();
    expect(drawn).toBe(7);
    await shot('console-7-sumo-draw', { docs: true, fullPage: true });
  });

  it('downloads the protocol PDF: Kazakh letters in its text, and a page image to look at', async () => {
    // A morning of maze runs, as the judge's tablet would send them.
    const organiser = await organiserToken(venue);
    const stages = (await request(venue.url).get('/api/stages').set('Authorization', `Bearer ${organiser}`).expect(200)).body;
    const stageId = stages[0].id as string;
    const categories = (await request(venue.url).get(`/api/stages/${stageId}/categories`).set('Authorization', `Bearer ${organiser}`).expect(200)).body;
    const maze = categories.find((category: { name: string }) => category.name === 'Лабиринт 3–4');
    const teams = (await request(venue.url).get(`/api/stages/${stageId}/teams?categoryId=${maze.id}`).set('Authorization', `Bearer ${organiser}`).expect(200)).body;
    await request(venue.url).patch(`/api/stages/${stageId}`).set('Authorization', `Bearer ${organiser}`).send({ status: 'live' }).expect(200);
    const stageCode = stages[0].code as string;
    const judge = { Authorization: `Bearer ${await judgeToken(venue, stageCode, judgePin)}` };
    const times: Record<string, number> = { Қыран: 47_310, Арлан: 51_020, Байтерек: 58_440 };
    for (const team of teams as { id: string; name: string }[]) {
      if (times[team.name]) await request(venue.url).post('/api/ledger').set(judge).send(mazeAttempt({ categoryId: maze.id }, team.id, 1, times[team.name])).expect(201);
    }

    await page.getByRole('button', { name: T('console.stage.tab.results') }).click();
    await page.getByLabel(T('console.results.category')).selectOption({ label: 'Лабиринт 3–4' });
    await page.locator('.data-table').getByText('0:47.31').waitFor();
    await shot('console-8-results', { docs: true });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: T('console.results.protocol') }).click()]);
    expect(download.suggestedFilename()).toMatch(/^protocol-.*\.pdf$/);
    const pdf = path.join(ARTIFACTS, 'console-protocol.pdf');
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await download.saveAs(pdf);

    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    for (const expected of ['ХАТТАМА / ПРОТОКОЛ', 'Қыран', 'Әлихан Серіков', 'Ұлжан Нұрланқызы', 'Іңкәр Бекова', 'Өмірбек Жақсылықов', 'Келмеді / Неявка']) {
      expect(text).toContain(expected);
    }
    expect(text.indexOf('Қыран')).toBeLessThan(text.indexOf('Арлан'));
    const png = path.join(SCREENSHOT_DIR, 'console-9-protocol');
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdf, png]);
    expect(fs.statSync(`${png}.png`).size).toBeGreaterThan(10_000);
    if (process.env.UPDATE_DOCS_IMAGES === '1') fs.copyFileSync(`${png}.png`, path.join(DOCS_IMAGES, 'console-9-protocol.png'));
  });
});
