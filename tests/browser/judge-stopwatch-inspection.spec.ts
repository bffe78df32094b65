import type { Page } from 'playwright-core';
import request from 'supertest';
import { saveScreenshot } from './support/chromium';
import { openCategory, signedInTablet } from './support/judge-tablet-page';
import { judgeTabletSuite } from './support/judge-tablet-suite';

/**
 * A maze judge timing with a stopwatch at a table without a field (docs/judge-tablet.md#inspection),
 * with the rules requiring inspection: the attempt form says the team has not passed before the
 * judge saves (the server refuses such an attempt: tests/api/inspection.spec.ts).
 */
describe('maze stopwatch: a team that has not passed inspection', () => {
  let stopwatchPin = '';
  const tablet = judgeTabletSuite({
    signIn: false,
    prepare: async (venue, olympiad) => {
      const as = { Authorization: `Bearer ${olympiad.organiser}` };
      await request(venue.url)
        .patch(`/api/categories/${olympiad.categories.maze}/params`)
        .set(as)
        .send({ params: { inspectionRequired: true } })
        .expect(200);
      stopwatchPin = (
        await request(venue.url)
          .post('/api/judges')
          .set(as)
          .send({
            stageId: olympiad.stageId,
            name: 'Ерлан Секундомер',
            role: 'judge',
            categoryIds: [olympiad.categories.maze],
            fieldIds: [],
          })
          .expect(201)
      ).body.pin;
    },
  });
  let page: Page;

  beforeAll(async () => {
    ({ page } = await signedInTablet(
      tablet.browser,
      tablet.venue.url,
      tablet.olympiad.stageCode,
      stopwatchPin,
      'ru',
    ));
  });

  it('says on the stopwatch form, before the judge saves, that the team has not passed inspection', async () => {
    const team = tablet.olympiad.teamNames.maze[0];
    await openCategory(page, 'Лабиринт 3–4');
    await page.locator('.queue__team', { hasText: team }).click();
    await page.locator('.attempt-form').waitFor();
    expect(await page.locator('.sensor-panel').count()).toBe(0);
    await page
      .locator('[data-testid="inspection-blocked"]', { hasText: team })
      .filter({ hasText: /ещё не проходила/ })
      .waitFor();
    await saveScreenshot(page, 'judge-stopwatch-inspection-ru');
  });
});
