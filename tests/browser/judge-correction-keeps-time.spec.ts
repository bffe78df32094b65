import type { BrowserContext, Page } from 'playwright-core';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { saveScreenshot } from './support/chromium';
import { ledgerOf } from './support/judge-olympiad';
import { signedInTablet } from './support/judge-tablet-page';
import { judgeTabletSuite } from './support/judge-tablet-suite';

/**
 * The head judge corrects a sensor-timed maze attempt: the form shows every digit the entry has,
 * and a field the head judge did not change goes into the correction exactly as it was.
 */
describe('head judge: a correction keeps what was not changed', () => {
  const tablet = judgeTabletSuite({ signIn: false });
  let entryId: string;
  let judgeToken: string;

  beforeAll(async () => {
    // The maze judge's tablet records a sensor-timed attempt (thousandths from the finish gate).
    judgeToken = (
      await request(tablet.venue.url)
        .post('/api/auth/judge')
        .send({ stageCode: tablet.olympiad.stageCode, pin: tablet.olympiad.judge.pin })
        .expect(200)
    ).body.token as string;
    entryId = await recordSensorAttempt(tablet.olympiad.teams.maze[1], 50_156, 0);
  });

  /** A sensor-timed first maze attempt recorded by the maze judge's tablet; its entry's id. */
  async function recordSensorAttempt(teamId: string, timeMs: number, touches: number) {
    const id = randomUUID();
    await request(tablet.venue.url)
      .post('/api/ledger')
      .set('Authorization', `Bearer ${judgeToken}`)
      .send({
        id,
        categoryId: tablet.olympiad.categories.maze,
        teamId,
        kind: 'maze.attempt',
        payload: { attempt: 1, outcome: 'finished', timeMs, touches, timing: 'sensor' },
        recordedAt: new Date().toISOString(),
      })
      .expect(201);
    return id;
  }

  /** A fresh tablet with the head judge signed in (in English) on the maze category's review. */
  async function openMazeReview(): Promise<{ context: BrowserContext; page: Page }> {
    const head = await signedInTablet(
      tablet.browser,
      tablet.venue.url,
      tablet.olympiad.stageCode,
      tablet.olympiad.headJudge.pin,
      'en',
    );
    try {
      await head.page
        .locator('.tile', { hasText: 'Лабиринт 3–4' })
        .getByRole('link', { name: 'Review' })
        .click();
    } catch (error) {
      await head.context.close();
      throw error;
    }
    return head;
  }

  for (const lang of ['kk', 'ru'] as const) {
    it(`shows the entry's own time and its kind in words (${lang})`, async () => {
      const head = await signedInTablet(
        tablet.browser,
        tablet.venue.url,
        tablet.olympiad.stageCode,
        tablet.olympiad.headJudge.pin,
        lang,
      );
      try {
        const page = head.page;
        await page
          .locator('.tile', { hasText: 'Лабиринт 3–4' })
          .locator('a', { hasText: lang === 'kk' ? 'Тексеру' : 'Проверка' })
          .click();
        const row = page.locator(`[data-entry="${entryId}"]`);
        await row.waitFor();
        // A person reads what kind of entry it is, not the ledger's internal name.
        expect(await row.innerText()).not.toContain('maze.attempt');
        await row.getByText(lang === 'kk' ? 'Лабиринт әрекеті' : 'Попытка в лабиринте').waitFor();
        await row.locator('button', { hasText: lang === 'kk' ? 'Түзету' : 'Исправить' }).click();
        const time = row.getByLabel(lang === 'kk' ? 'Уақыт' : 'Время', { exact: true });
        expect(await time.inputValue()).toBe('0:50.156');
        await row
          .locator('.correction')
          .evaluate((form) => form.scrollIntoView({ block: 'center' }));
        await saveScreenshot(page, `correction-form-${lang}`);
      } finally {
        await head.context.close();
      }
    });
  }

  it('changes only the touches: the correction carries the original 50156 ms', async () => {
    const head = await openMazeReview();
    try {
      const page = head.page;
      const row = page.locator(`[data-entry="${entryId}"]`);
      await row.getByRole('button', { name: 'Correct' }).click();
      await row.getByLabel('Touches', { exact: true }).fill('2');
      await row.getByLabel('Reason (kept forever)').fill('Two touches seen on the video');
      await row.getByRole('button', { name: 'Save correction' }).click();
      await page.locator('.history__entry--old', { hasText: '0:50.156' }).waitFor();

      const correction = (
        await ledgerOf(tablet.venue, tablet.olympiad.organiser, tablet.olympiad.categories.maze)
      ).find((entry) => entry.supersedes === entryId);
      expect(correction?.payload).toMatchObject({ timeMs: 50_156, touches: 2, timing: 'sensor' });
      // The summary of an entry writes the touches as words, with the plural form.
      await page.locator('.history__entry', { hasText: '2 touches' }).first().waitFor();
    } finally {
      await head.context.close();
    }
  });

  it('refuses a cleared touches field instead of saving 0, and records a double-tapped save once', async () => {
    const other = await recordSensorAttempt(tablet.olympiad.teams.maze[2], 61_020, 3);
    const corrections = async () =>
      (
        await ledgerOf(tablet.venue, tablet.olympiad.organiser, tablet.olympiad.categories.maze)
      ).filter((entry) => entry.supersedes === other);
    const head = await openMazeReview();
    try {
      const page = head.page;
      const row = page.locator(`[data-entry="${other}"]`);
      await row.getByRole('button', { name: 'Correct' }).click();
      await row.getByLabel('Touches', { exact: true }).fill('');
      await row.getByLabel('Reason (kept forever)').fill('Touches recounted');
      await row.getByRole('button', { name: 'Save correction' }).click();
      await row.locator('.correction [role="alert"], .correction .status-banner').first().waitFor();
      expect(await corrections()).toEqual([]);

      await row.getByLabel('Touches', { exact: true }).fill('1');
      await row.getByRole('button', { name: 'Save correction' }).dblclick();
      await page.locator('.history__entry', { hasText: '1 touch' }).first().waitFor();
      // The outbox sends in the background: wait until the correction arrived, then count.
      for (let i = 0; i < 100 && (await corrections()).length === 0; i++)
        await page.waitForTimeout(100);
      await page.waitForTimeout(500);
      const saved = await corrections();
      expect(saved).toHaveLength(1);
      expect(saved[0].payload).toMatchObject({ timeMs: 61_020, touches: 1 });
    } finally {
      await head.context.close();
    }
  });
});
