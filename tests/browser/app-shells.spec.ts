import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import {
  createMazeStage,
  judgeToken,
  mazeAttempt,
  organiserToken,
  publishLive,
  type StageFixture,
} from '../support/venue-api';
import { TEST_ADMIN, type Venue } from '../support/start-venue';
import { browserVenue } from './support/browser-venue';
import { launchChromium, newContext, saveScreenshot, type ViewportName } from './support/chromium';

/**
 * Smoke test of the three app shells in Chromium against a real venue: each opens in Kazakh,
 * switches language, works at a tablet and a phone size, and leaves screenshots behind in
 * tests/artifacts/screenshots/ to be looked at.
 */
describe('app shells in Chromium', () => {
  let venue: Venue;
  let browser: Browser;
  let stage: StageFixture;
  const pages: Page[] = [];

  async function open(viewport: ViewportName, path: string): Promise<Page> {
    const context = await newContext(browser, viewport);
    const page = await context.newPage();
    pages.push(page);
    await page.goto(`${venue.url}${path}`);
    return page;
  }

  const headingText = (page: Page, level: number) => page.locator(`h${level}`).first().innerText();
  const htmlLang = (page: Page) => page.evaluate(() => document.documentElement.lang);

  beforeAll(async () => {
    venue = await browserVenue();
    browser = await launchChromium();
    const organiser = await organiserToken(venue);
    stage = await createMazeStage(venue, organiser, { teams: 5 });
    await publishLive(venue, organiser, stage);
    const judge = await judgeToken(venue, stage.stageCode, stage.judge.pin);
    const times = [48_120, 52_300, 45_870];
    for (const [index, time] of times.entries()) {
      await request(venue.url)
        .post('/api/ledger')
        .set('Authorization', `Bearer ${judge}`)
        .send(mazeAttempt(stage, stage.teamIds[index], 1, time))
        .expect(201);
    }
  });

  afterAll(async () => {
    await Promise.all(pages.map((page) => page.context().close()));
    await browser?.close();
    await venue?.stop();
  });

  describe('leaderboard', () => {
    it('lists the public stages in Kazakh, then Russian and English, on a tablet', async () => {
      const page = await open('tablet', '/');
      await page.getByRole('heading', { name: 'Олимпиада кезеңдері' }).waitFor();
      expect(await headingText(page, 1)).toBe('Тікелей нәтижелер');
      expect(await htmlLang(page)).toBe('kk');
      await saveScreenshot(page, 'leaderboard-home-tablet-kk');

      await page.getByRole('button', { name: 'Русский' }).click();
      await page.getByRole('heading', { name: 'Этапы олимпиады' }).waitFor();
      expect(await htmlLang(page)).toBe('ru');
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { name: 'Olympiad stages' }).waitFor();
      await page.reload();
      await page.getByRole('heading', { name: 'Olympiad stages' }).waitFor();
    });

    it('follows a category on a phone: standings from the socket, "not scored yet" apart, live updates', async () => {
      const page = await open('phone', `/s/${stage.stageCode}`);
      await page.getByRole('button', { name: /Maze 3–4/ }).waitFor();
      const rows = page.locator('tbody tr');
      await rows.first().waitFor();
      expect(await rows.count()).toBe(5);
      expect(await page.locator('tbody tr').first().locator('.standings__team').innerText()).toBe(
        'Қыран 3',
      );
      expect(await page.getByText('Әлі бағаланбаған').count()).toBe(2);
      await saveScreenshot(page, 'leaderboard-stage-phone-kk');

      const judge = await judgeToken(venue, stage.stageCode, stage.judge.pin);
      await request(venue.url)
        .post('/api/ledger')
        .set('Authorization', `Bearer ${judge}`)
        .send(mazeAttempt(stage, stage.teamIds[3], 1, 40_010))
        .expect(201);
      await page
        .locator('tbody tr')
        .first()
        .locator('.standings__team', { hasText: 'Қыран 4' })
        .waitFor({ timeout: 5000 });
      expect(await page.getByText('Әлі бағаланбаған').count()).toBe(1);

      await page.getByPlaceholder('Іздеу: команда не мектеп').fill('кыран 5');
      await page.waitForFunction(() => document.querySelectorAll('tbody tr').length === 1);
      await page.getByPlaceholder('Іздеу: команда не мектеп').fill('');
      await page.getByRole('button', { name: 'Русский' }).click();
      await page.getByText('Место').waitFor();
      await saveScreenshot(page, 'leaderboard-stage-phone-ru');
    });

    it('shows the hall screen at 1920×1080 in large type', async () => {
      const page = await open('hall', `/hall/${stage.stageCode}?every=30`);
      await page.getByRole('heading', { name: /Maze 3–4/ }).waitFor();
      await page.locator('tbody tr').first().waitFor();
      const fontSize = await page
        .locator('.standings__team')
        .first()
        .evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
      expect(fontSize).toBeGreaterThanOrEqual(40);
      const scrolls = await page.evaluate(
        () => document.documentElement.scrollHeight > window.innerHeight,
      );
      expect(scrolls).toBe(false);
      await saveScreenshot(page, 'leaderboard-hall-1080-kk');
      await page.goto(`${venue.url}/hall/${stage.stageCode}?every=30&lang=ru`);
      await page.getByText('Команда').first().waitFor();
      await saveScreenshot(page, 'leaderboard-hall-1080-ru');
    });
  });

  describe('judge', () => {
    async function typePin(page: Page, pin: string) {
      for (const digit of pin) await page.getByRole('button', { name: digit, exact: true }).click();
    }

    it.each<[ViewportName]>([['tablet'], ['tabletPortrait'], ['phone']])(
      'signs in with the keypad on a %s',
      async (viewport) => {
        const page = await open(viewport, '/judge/');
        await page.getByRole('heading', { name: 'Төрешінің кіруі' }).waitFor();
        expect(await htmlLang(page)).toBe('kk');
        const keyBox = await page.getByRole('button', { name: '5', exact: true }).boundingBox();
        expect(keyBox?.height).toBeGreaterThanOrEqual(48);
        expect(keyBox?.width).toBeGreaterThanOrEqual(48);
        await page.getByLabel('Кезең коды').fill(stage.stageCode.toLowerCase());
        await typePin(page, stage.judge.pin);
        await saveScreenshot(page, `judge-sign-in-${viewport}-kk`);
        await page.getByRole('button', { name: 'Кіру' }).click();
        await page.getByRole('heading', { name: 'Сізге тағайындалғандар' }).waitFor();
        await page.getByText('Maze 3–4').waitFor();
        await saveScreenshot(page, `judge-assignments-${viewport}-kk`);
      },
    );

    it('stays signed in after a reload, switches language, and signs out', async () => {
      const page = await open('tablet', '/judge/');
      await page.getByLabel('Кезең коды').fill(stage.stageCode);
      await typePin(page, stage.judge.pin);
      await page.getByRole('button', { name: 'Кіру' }).click();
      await page.getByRole('heading', { name: 'Сізге тағайындалғандар' }).waitFor();
      await page.reload();
      await page.getByRole('heading', { name: 'Сізге тағайындалғандар' }).waitFor();
      expect(await page.getByLabel('Кезең коды').count()).toBe(0);
      await page.getByRole('button', { name: 'Русский' }).click();
      await page.getByRole('heading', { name: 'Ваши назначения' }).waitFor();
      expect(await htmlLang(page)).toBe('ru');
      await saveScreenshot(page, 'judge-assignments-tablet-ru');
      await page.getByRole('button', { name: 'Выйти' }).click();
      await page.getByRole('button', { name: 'Да, выйти' }).click();
      await page.getByRole('heading', { name: 'Вход судьи' }).waitFor();
      expect(await page.getByRole('heading', { name: 'Ваши назначения' }).count()).toBe(0);
    });

    it('says a wrong PIN in Kazakh', async () => {
      const page = await open('tablet', '/judge/');
      await page.getByLabel('Кезең коды').fill(stage.stageCode);
      await typePin(page, stage.judge.pin === '0000' ? '1111' : '0000');
      await page.getByRole('button', { name: 'Кіру' }).click();
      await page.getByRole('alert').filter({ hasText: 'Кезең коды немесе PIN қате.' }).waitFor();
      expect(await page.getByRole('heading', { name: 'Сізге тағайындалғандар' }).count()).toBe(0);
    });
  });

  describe('console', () => {
    it('signs the organiser in and lists the olympiads with their stages', async () => {
      const page = await open('tablet', '/console/');
      await page.getByRole('heading', { name: 'Ұйымдастырушының кіруі' }).waitFor();
      await saveScreenshot(page, 'console-sign-in-tablet-kk');
      await page.getByLabel('Пайдаланушы аты').fill(TEST_ADMIN.username);
      await page.getByLabel('Құпиясөз').fill(TEST_ADMIN.password);
      await page.getByRole('button', { name: 'Кіру' }).click();
      await page.getByRole('heading', { name: 'Олимпиадалар' }).waitFor();
      await page.getByRole('button', { name: 'Кезеңдерді көрсету' }).first().click();
      await page.getByText('Aktobe regional stage').first().waitFor();
      await saveScreenshot(page, 'console-olympiads-tablet-kk');

      await page.getByRole('button', { name: 'Олимпиада құру' }).click();
      await page.getByText('Міндетті өріс').first().waitFor();
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { name: 'Olympiads' }).waitFor();
      await page.getByLabel('Name', { exact: true }).fill('Республикалық олимпиада');
      await page.getByLabel('Season').fill('2026–2027');
      await page.getByRole('button', { name: 'Create the olympiad' }).click();
      await page.getByText('Olympiad “Республикалық олимпиада” created.').waitFor();
      expect(await htmlLang(page)).toBe('en');
      // The list is read again after the notice shows: wait for the new olympiad in it.
      await page.getByText('Республикалық олимпиада', { exact: true }).first().waitFor();
      await saveScreenshot(page, 'console-olympiads-tablet-en');
    });

    it('tells an organiser who opens the setup link again that setup is done', async () => {
      const page = await open('phone', '/console/setup?token=stale');
      await page.getByText('Ұйымдастырушы тіркелгісі бұрыннан бар. Төменде кіріңіз.').waitFor();
      expect(await page.getByLabel('Пайдаланушы аты').isVisible()).toBe(true);
      await saveScreenshot(page, 'console-sign-in-phone-kk');
    });
  });
});
