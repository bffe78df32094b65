import type { Page } from 'playwright-core';
import request from 'supertest';
import { saveScreenshot } from './support/chromium';
import { openCategory, signedInTablet } from './support/judge-tablet-page';
import { judgeTabletSuite } from './support/judge-tablet-suite';

/**
 * Two rings share the sumo category (docs/rules.md#schedules): the tablet at each ring is handed a
 * different match by the server, never the one the other ring's tablet shows. In kk and ru.
 */
describe('judge tablets at two rings sharing a sumo category', () => {
  let secondPin = '';
  const tablet = judgeTabletSuite({
    prepare: async (venue, olympiad) => {
      const auth = { Authorization: `Bearer ${olympiad.organiser}` };
      const ring = (
        await request(venue.url)
          .post('/api/fields')
          .set(auth)
          .send({ stageId: olympiad.stageId, name: 'Ринг 2', discipline: 'sumo' })
          .expect(201)
      ).body;
      const judge = (
        await request(venue.url)
          .post('/api/judges')
          .set(auth)
          .send({
            stageId: olympiad.stageId,
            name: 'Бекзат Ринг',
            role: 'judge',
            categoryIds: [olympiad.categories.sumo],
            fieldIds: [ring.id],
          })
          .expect(201)
      ).body;
      secondPin = judge.pin;
    },
    category: 'Сумо 5–6',
  });

  /** The match the ring's tablet is on (the list marks it), and its two teams' names. */
  const matchOf = async (page: Page) => {
    await page.locator('.match-panel').waitFor();
    const row = page.locator('.match-row--on');
    return { id: await row.getAttribute('data-match'), text: await row.innerText() };
  };

  it('hands each ring a different match', async () => {
    const first = await matchOf(tablet.page);
    const second = await signedInTablet(
      tablet.browser,
      tablet.venue.url,
      tablet.olympiad.stageCode,
      secondPin,
      'ru',
    );
    try {
      await openCategory(second.page, 'Сумо 5–6');
      const other = await matchOf(second.page);
      expect(other.id).not.toBe(first.id);
      // No team of the first ring's match is called to the second ring.
      for (const name of tablet.olympiad.teamNames.sumo) {
        if (first.text.includes(name)) expect(other.text).not.toContain(name);
      }
      await saveScreenshot(tablet.page, 'judge-two-rings-ring-1-kk');
      await saveScreenshot(second.page, 'judge-two-rings-ring-2-ru');
    } finally {
      await second.context.close();
    }
  });
});
