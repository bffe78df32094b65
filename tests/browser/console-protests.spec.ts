import { t, type Lang } from '@olympiad/i18n';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { startVenue, type Venue } from '../support/start-venue';
import {
  createMazeStage,
  judgeToken,
  mazeAttempt,
  organiserToken,
  type StageFixture,
} from '../support/venue-api';
import { launchChromium, saveScreenshot } from './support/chromium';
import { openStageTab, signedInConsole } from './support/console-page';

/**
 * The organiser sees the stage's open protests on its page, follows them to the category, and finds
 * the lock of the results disabled with the reason while one is open (docs/rules.md#protests).
 */
describe('console: open protests and the lock they hold back', () => {
  let venue: Venue;
  let browser: Browser;
  let page: Page;
  let organiser: string;
  let headJudge: string;
  let stage: StageFixture;
  let protestId: string;

  const category = async () =>
    (
      await request(venue.url)
        .get(`/api/categories/${stage.categoryId}`)
        .set('Authorization', `Bearer ${organiser}`)
        .expect(200)
    ).body as { status: string };

  beforeAll(async () => {
    venue = await startVenue();
    organiser = await organiserToken(venue);
    stage = await createMazeStage(venue, organiser, { teams: 2 });
    headJudge = await judgeToken(venue, stage.stageCode, stage.headJudge.pin);
    const judge = await judgeToken(venue, stage.stageCode, stage.judge.pin);
    await request(venue.url)
      .post('/api/ledger')
      .set('Authorization', `Bearer ${judge}`)
      .send(mazeAttempt(stage, stage.teamIds[0], 1, 41_000))
      .expect(201);
    protestId = (
      await request(venue.url)
        .post('/api/protests')
        .set('Authorization', `Bearer ${headJudge}`)
        .send({
          categoryId: stage.categoryId,
          teamId: stage.teamIds[1],
          target: { kind: 'ranking' },
          protestedBy: 'Ерлан Сәрсенов',
          reason: 'Қыран командасының уақыты қате жазылды',
          // A photo from the tablet's camera (one red pixel is enough to see it shown).
          attachments: [
            {
              data: 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
            },
          ],
        })
        .expect(201)
    ).body.id as string;
    browser = await launchChromium();
    page = await signedInConsole(browser, venue.url);
  });
  afterAll(async () => {
    await browser?.close();
    await venue?.stop();
  });

  for (const lang of ['kk', 'ru'] as Lang[]) {
    it(`shows the open protest on the stage and the lock disabled with the reason (${lang})`, async () => {
      await openStageTab(page, venue.url, stage.stageId, 'console.stage.tab.teams', lang);
      const strip = page.getByTestId('open-protests');
      await strip.getByText(`Maze 3–4 — ${t(lang, 'protests.openCount', { count: 1 })}`).waitFor();
      await strip.scrollIntoViewIfNeeded();
      await saveScreenshot(page, `console-protests-strip-${lang}`);
      await strip.getByRole('button', { name: t(lang, 'console.protests.show') }).click();

      await page.getByText(t(lang, 'console.protests.lockBlocked', { count: 1 })).waitFor();
      const lock = page.getByRole('button', { name: t(lang, 'console.protests.lock') });
      expect(await lock.isDisabled()).toBe(true);
      await page
        .locator(`[data-protest="${protestId}"]`)
        .getByText('Қыран командасының уақыты қате жазылды')
        .waitFor();
      await page
        .locator('.category-protests')
        .evaluate((panel) => panel.scrollIntoView({ block: 'start' }));
      // The photo, fetched with the sign-in, is shown and opens whole.
      const photo = page.getByRole('img', { name: t(lang, 'console.protests.photo', { n: 1 }) });
      await photo.waitFor();
      await page.waitForFunction(
        () =>
          (document.querySelector('.protest-photos__image') as HTMLImageElement | null)
            ?.naturalWidth === 1,
      );
      await saveScreenshot(page, `console-protests-lock-blocked-${lang}`);
    });
  }

  it('once the protest is decided, the strip is gone and the lock works', async () => {
    await request(venue.url)
      .post(`/api/protests/${protestId}/decide`)
      .set('Authorization', `Bearer ${headJudge}`)
      .send({ decision: 'rejected', reason: 'Уақыт бейнежазбамен расталды' })
      .expect(200);
    // The stage's protests, read by the page as it opens: the strip shows what this answer says.
    const stageProtests = page.waitForResponse((response) =>
      response.url().endsWith(`/api/stages/${stage.stageId}/protests`),
    );
    await openStageTab(page, venue.url, stage.stageId, 'console.stage.tab.results', 'kk');
    expect(((await (await stageProtests).json()) as { open: number }).open).toBe(0);
    await page
      .locator(`[data-protest="${protestId}"]`)
      .getByText(t('kk', 'protests.status.rejected'))
      .waitFor();
    const lock = page.getByRole('button', { name: t('kk', 'console.protests.lock') });
    expect(await lock.isDisabled()).toBe(false);
    expect(await page.getByTestId('open-protests').count()).toBe(0);
    await lock.click();
    await page.getByRole('button', { name: t('kk', 'console.protests.unlock') }).waitFor();
    expect((await category()).status).toBe('locked');
  });
});
