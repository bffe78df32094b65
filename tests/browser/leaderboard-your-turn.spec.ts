import { t as translate, type Lang, type MessageKey } from '@olympiad/i18n';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { startVenue, type Venue } from '../support/start-venue';
import { judgeToken, mazeAttempt } from '../support/venue-api';
import { launchChromium, openInNewContext, saveScreenshot } from './support/chromium';
import { seedLeaderboardStage, type LeaderboardStage } from './support/leaderboard-stage';

const T = (lang: Lang, key: MessageKey, params?: Record<string, string | number>) =>
  translate(lang, key, params);
const MINUTE = 60_000;

/**
 * The phone page for a followed team (docs/rules.md#schedules): "your turn: no estimate yet" before
 * the table has a pace, then, live as attempts come in, "your turn in about N minutes". In kk and ru.
 */
describe('leaderboard phone: the followed team’s turn', () => {
  let venue: Venue;
  let browser: Browser;
  let stage: LeaderboardStage;
  let judge: string;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    venue = await startVenue();
    browser = await launchChromium();
    stage = await seedLeaderboardStage(venue);
    const auth = { Authorization: `Bearer ${stage.organiser}` };
    const table = (
      await request(venue.url)
        .post('/api/fields')
        .set(auth)
        .send({ stageId: stage.stageId, name: 'Лабиринт үстелі', discipline: 'maze' })
        .expect(201)
    ).body;
    const atTable = (
      await request(venue.url)
        .post('/api/judges')
        .set(auth)
        .send({
          stageId: stage.stageId,
          name: 'Дана',
          role: 'judge',
          categoryIds: [stage.categoryId],
          fieldIds: [table.id],
        })
        .expect(201)
    ).body;
    judge = await judgeToken(venue, stage.stageCode, atTable.pin);
  });
  afterAll(async () => {
    await Promise.all(contexts.map((context) => context.close()));
    await browser?.close();
    await venue?.stop();
  });

  const follow = async (lang: Lang, teamId: string): Promise<Page> => {
    const phone = await openInNewContext(
      browser,
      'phone',
      `${venue.url}/s/${stage.stageCode}?lang=${lang}`,
      contexts,
    );
    await phone.locator(`tr[data-team="${teamId}"] .follow-button`).click();
    return phone;
  };

  it('says there is no estimate yet, then about when, live as attempts come in', async () => {
    const last = stage.teamIds[stage.teamIds.length - 1];
    const phone = await follow('kk', last);
    await phone.getByText(T('kk', 'board.turn.unknown')).waitFor();

    // Two attempts two minutes apart: a pace, and the followed team is a few turns away.
    const now = Date.now();
    for (const [index, at] of [now - 4 * MINUTE, now - 2 * MINUTE].entries()) {
      await request(venue.url)
        .post('/api/ledger')
        .set('Authorization', `Bearer ${judge}`)
        .send({
          ...mazeAttempt(stage, stage.teamIds[index], 1, 41_000 + index),
          recordedAt: new Date(at).toISOString(),
        })
        .expect(201);
    }
    const line = phone.locator('[data-testid="your-turn"][data-wait-minutes]');
    await line.waitFor();
    const minutes = Number(await line.getAttribute('data-wait-minutes'));
    expect(minutes).toBeGreaterThanOrEqual(2);
    expect((await line.textContent())?.trim()).toBe(
      T('kk', 'board.turn.about', { count: minutes }),
    );
    await saveScreenshot(phone, 'leaderboard-phone-your-turn-kk');

    const ru = await follow('ru', last);
    const ruLine = ru.locator('[data-testid="your-turn"][data-wait-minutes]');
    await ruLine.waitFor();
    const ruMinutes = Number(await ruLine.getAttribute('data-wait-minutes'));
    expect((await ruLine.textContent())?.trim()).toBe(
      T('ru', 'board.turn.about', { count: ruMinutes }),
    );
    await saveScreenshot(ru, 'leaderboard-phone-your-turn-ru');
  });
});
