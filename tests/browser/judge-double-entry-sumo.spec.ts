import { drawSumo, presetRuleSet, type SumoRuleSet } from '@olympiad/scoring';
import { randomUUID } from 'node:crypto';
import type { BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { saveScreenshot } from './support/chromium';
import { openCategory, signedInTablet } from './support/judge-tablet-page';
import { judgeTabletSuite } from './support/judge-tablet-suite';

const CATEGORY = 'Сумо 3–4';
const TEAMS = ['Арыстан', 'Барыс', 'Сұңқар', 'Тұлпар'];

/**
 * Double entry at a sumo ring (docs/judge-tablet.md#double-entry): the judge who has entered a
 * match is told it waits for the second judge and is not offered it again, the other judge still
 * is; once both agree, both are called to the ring's next match.
 */
describe('double entry at a sumo ring, on two judges’ tablets', () => {
  const pins: string[] = [];
  const suite = judgeTabletSuite({
    signIn: false,
    prepare: async (venue, olympiad) => {
      const api = (path: string, body: object) =>
        request(venue.url)
          .post(path)
          .set('Authorization', `Bearer ${olympiad.organiser}`)
          .send(body)
          .expect(201);
      const category = (
        await api('/api/categories', {
          stageId: olympiad.stageId,
          discipline: 'sumo',
          ageGroup: { label: '3–4', minGrade: 3, maxGrade: 4 },
          name: CATEGORY,
          preset: 'sumo-default',
        })
      ).body;
      await request(venue.url)
        .patch(`/api/categories/${category.id}/params`)
        .set('Authorization', `Bearer ${olympiad.organiser}`)
        .send({ params: { entry: 'double' } })
        .expect(200);
      const school = (await api('/api/schools', { name: '№3 лицей', regionCode: 'aktobe' })).body;
      const refs = [];
      for (const [index, name] of TEAMS.entries()) {
        const team = (
          await api('/api/teams', {
            stageId: olympiad.stageId,
            schoolId: school.id,
            categoryId: category.id,
            name,
            members: [{ name: `Оқушы ${index + 1}`, grade: 4 }],
          })
        ).body;
        refs.push({ id: team.id, name, status: 'active' as const, schoolId: school.id });
      }
      await api('/api/ledger', {
        id: randomUUID(),
        categoryId: category.id,
        teamId: null,
        kind: 'sumo.draw',
        payload: drawSumo(presetRuleSet('sumo-default') as SumoRuleSet, refs, 7),
        recordedAt: new Date().toISOString(),
      });
      const ring = (
        await api('/api/fields', { stageId: olympiad.stageId, name: 'Ринг 2', discipline: 'sumo' })
      ).body;
      for (const name of ['Асқар Бірінші', 'Берік Екінші']) {
        const judge = (
          await api('/api/judges', {
            stageId: olympiad.stageId,
            name,
            role: 'judge',
            categoryIds: [category.id],
            fieldIds: [ring.id],
          })
        ).body;
        pins.push(judge.pin);
      }
    },
  });
  const contexts: BrowserContext[] = [];
  afterAll(async () => {
    for (const context of contexts) await context.close();
  });

  const panel = (page: Page) => page.locator('.match-panel');
  const matchTitle = async (page: Page) => (await panel(page).locator('h3').innerText()).trim();
  const tablet = async (pin: string, lang: 'kk' | 'ru') => {
    const opened = await signedInTablet(
      suite.browser,
      suite.venue.url,
      suite.olympiad.stageCode,
      pin,
      lang,
    );
    contexts.push(opened.context);
    await openCategory(opened.page, CATEGORY);
    await panel(opened.page).waitFor();
    return opened.page;
  };
  /** Side A takes two points: the match is won, and confirmed. */
  const enterMatch = async (page: Page, point: string, confirm: string) => {
    await panel(page).locator('.sumo-side--a').getByRole('button', { name: point }).click();
    await panel(page).locator('.sumo-side--a').getByRole('button', { name: point }).click();
    await panel(page).getByRole('button', { name: confirm }).click();
  };

  it('tells the judge who entered the match that it waits for the second judge; the second judge still gets it', async () => {
    const tabletA = await tablet(pins[0], 'kk');
    const first = await matchTitle(tabletA);
    const matchId = /^(\S+) кездесуі/.exec(first)?.[1] as string;
    expect(matchId).toBeTruthy();
    const posted = tabletA.waitForResponse(
      (response) =>
        response.request().method() === 'POST' && response.url().endsWith('/api/ledger'),
    );
    await enterMatch(tabletA, 'Ұпай (юко)', 'Кездесуді растау');
    await posted;
    // The tablet reads the category's ledger again once the server has the entry.
    await tabletA.waitForResponse(
      (response) =>
        response.request().method() === 'GET' &&
        /\/api\/categories\/[^/]+\/ledger$/.test(response.url()),
    );

    await tabletA
      .getByText(`${matchId} кездесуі енгізілді: екінші төрешіні күтудеміз`, { exact: false })
      .waitFor({ timeout: 20_000 });
    expect(await panel(tabletA).count()).toBe(0);
    await saveScreenshot(tabletA, 'judge-double-entry-sumo-awaiting-kk');

    const tabletB = await tablet(pins[1], 'ru');
    expect(await matchTitle(tabletB)).toContain(`Поединок ${matchId}`);
    await saveScreenshot(tabletB, 'judge-double-entry-sumo-second-judge-ru');
    await enterMatch(tabletB, 'Очко (юко)', 'Подтвердить поединок');

    // Both entries agree: it counts, and both judges are called to the ring's next match.
    await panel(tabletB).waitFor({ timeout: 20_000 });
    await tabletB.waitForFunction(
      (id) => !document.querySelector('.match-panel h3')?.textContent?.includes(`Поединок ${id} `),
      matchId,
    );
    await panel(tabletA).waitFor({ timeout: 20_000 });
    const nextOfA = /^(\S+) кездесуі/.exec(await matchTitle(tabletA))?.[1];
    const nextOfB = /^Поединок (\S+)/.exec(await matchTitle(tabletB))?.[1];
    expect(nextOfA).not.toBe(matchId);
    expect(nextOfA).toBe(nextOfB);
  });
});
