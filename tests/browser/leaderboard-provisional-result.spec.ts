import { t as translate, type Lang, type MessageKey } from '@olympiad/i18n';
import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { addMazeField, armRun, confirmFinishedRun, eventually } from '../support/field-fixture';
import { RawDevice } from '../support/raw-device';
import { startVenue, type Venue } from '../support/start-venue';
import { judgeToken, mazeAttempt } from '../support/venue-api';
import { launchChromium, openInNewContext, saveScreenshot } from './support/chromium';
import {
  confirmRun,
  seedLeaderboardStage,
  type LeaderboardStage,
} from './support/leaderboard-stage';

const T = (lang: Lang, key: MessageKey, params?: Record<string, string | number>) =>
  translate(lang, key, params);

/**
 * A finish gate's time before the maze judge has confirmed it (docs/results-display.md): the hall
 * screen's "on the field now" shows it marked provisional, and neither the hall's table nor the
 * phone gives the team a place for it; the judge's confirmation, a touch added, places the team
 * on the confirmed time.
 */
describe('leaderboard: a sensor time awaiting the judge', () => {
  let venue: Venue;
  let browser: Browser;
  let stage: LeaderboardStage;
  let judge: string;
  const contexts: BrowserContext[] = [];

  const open = (path: string, viewport: 'hall' | 'phone'): Promise<Page> =>
    openInNewContext(browser, viewport, `${venue.url}${path}`, contexts);

  beforeAll(async () => {
    venue = await startVenue({
      env: process.env.LEADERBOARD_STATIC_DIR
        ? { STATIC_DIR: process.env.LEADERBOARD_STATIC_DIR }
        : {},
    });
    browser = await launchChromium();
    stage = await seedLeaderboardStage(venue);
    judge = await judgeToken(venue, stage.stageCode, stage.judge.pin);
    // Confirmed results: 1:40.000, 1:45.000, 1:50.000 (Қыран 1–3).
    for (const [index, time] of [100_000, 105_000, 110_000].entries())
      await confirmRun(venue, judge, stage.categoryId, stage.teamIds[index], time);
  });

  afterAll(async () => {
    await Promise.all(contexts.map((context) => context.close()));
    await browser?.close();
    await venue?.stop();
  });

  const row = (page: Page, teamId: string) => page.locator(`tr[data-team="${teamId}"]`);

  it('shows the gate time as provisional and unplaced on the hall and the phone, then places the confirmed time', async () => {
    const team = stage.teamIds[3];
    const hall = await open(`/hall/${stage.stageCode}?every=600&lang=kk`, 'hall');
    const hallRu = await open(`/hall/${stage.stageCode}?every=600&lang=ru`, 'hall');
    const phone = await open(`/s/${stage.stageCode}?lang=kk`, 'phone');
    for (const page of [hall, hallRu, phone]) await row(page, stage.teamIds[2]).waitFor();

    const field = await addMazeField(
      venue,
      stage.organiser,
      stage,
      `gates-${randomUUID().slice(0, 8)}`,
    );
    const gates = await RawDevice.connect(venue.mqttUrl as string, field.deviceId, field.secret);
    try {
      await armRun(venue, judge, field.fieldId, {
        categoryId: stage.categoryId,
        teamId: team,
        attempt: 1,
      });
      await gates.publish(gates.gate('start', 2_000_000));
      await gates.publish(gates.gate('finish', 2_000_000 + 107_981_000));
    } finally {
      await gates.close();
    }

    // On the field now: the gates' time, in their thousandths, marked as awaiting the judge.
    const onField = hall.locator('.field-now__run', { hasText: 'Қыран 4' });
    await onField
      .locator('.field-now__clock[data-state="finished"]', { hasText: '1:47.981' })
      .waitFor({ timeout: 5_000 });
    await onField.getByText(T('kk', 'board.hall.provisional')).waitFor();
    // In the table: no place for it (it would be 4th), the time shown as provisional under the team.
    const waitingText = T('kk', 'board.unconfirmed', { time: '1:47.981' });
    await row(hall, team)
      .locator('.standings__unconfirmed', { hasText: waitingText })
      .waitFor({ timeout: 5_000 });
    expect((await row(hall, team).locator('.standings__place').innerText()).trim()).toBe('');
    expect(await row(hall, team).locator('.standings__result').innerText()).toBe(
      T('kk', 'board.notScored'),
    );
    await row(phone, team)
      .locator('.standings__unconfirmed', { hasText: waitingText })
      .waitFor({ timeout: 5_000 });
    expect((await row(phone, team).locator('.standings__place').innerText()).trim()).toBe('');
    await hall.waitForTimeout(1_200); // the row animation, before a screenshot
    await saveScreenshot(hall, 'hall-provisional-kk');
    await saveScreenshot(phone, 'phone-provisional-kk');

    await row(hallRu, team)
      .locator('.standings__unconfirmed', {
        hasText: T('ru', 'board.unconfirmed', { time: '1:47.981' }),
      })
      .waitFor({ timeout: 5_000 });
    await hallRu
      .locator('.field-now__run', { hasText: 'Қыран 4' })
      .getByText(T('ru', 'board.hall.provisional'))
      .waitFor();
    expect((await row(hallRu, team).locator('.standings__place').innerText()).trim()).toBe('');
    await saveScreenshot(hallRu, 'hall-provisional-ru');

    // The maze judge confirms it with one touch (+10 s) and frees the field, as the tablet does.
    await confirmFinishedRun(
      venue,
      judge,
      field.fieldId,
      mazeAttempt(stage, team, 1, 107_981, { timing: 'sensor', touches: 1 }),
      T('kk', 'judge.maze.correctionReason'),
    );
    await request(venue.url)
      .delete(`/api/fields/${field.fieldId}/runs/current`)
      .set('Authorization', `Bearer ${judge}`)
      .expect(200);

    for (const page of [hall, phone]) {
      await row(page, team)
        .locator('.standings__place', { hasText: '4' })
        .waitFor({ timeout: 5_000 });
      expect(await row(page, team).locator('.standings__result').innerText()).toBe('1:57.981');
      expect(await row(page, team).locator('.standings__unconfirmed').count()).toBe(0);
    }
    await onField.waitFor({ state: 'detached', timeout: 5_000 });
    await eventually(async () => expect(await hall.locator('.field-now').count()).toBe(0));
    await hall.waitForTimeout(1_200);
    await saveScreenshot(hall, 'hall-confirmed-kk');
  });
});
