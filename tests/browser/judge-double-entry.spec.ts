import type { StandingsSnapshot } from '@olympiad/contracts';
import type { BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { openInNewContext, saveScreenshot } from './support/chromium';
import { openCategory, signedInTablet } from './support/judge-tablet-page';
import { judgeTabletSuite } from './support/judge-tablet-suite';

/**
 * Double entry on two judges' tablets (docs/judge-tablet.md#double-entry): each enters the same
 * attempt blind; the first sees "waiting for the second judge" and neither sees the other's
 * value; a difference goes to the head judge, who sees both side by side and takes one with a
 * reason; a tablet offline meanwhile pairs its entry when it is back.
 */
describe('double entry on two tablets and the head judge’s', () => {
  let second = { pin: '' };
  const suite = judgeTabletSuite({
    signIn: false,
    prepare: async (venue, olympiad) => {
      const as = { Authorization: `Bearer ${olympiad.organiser}` };
      await request(venue.url)
        .patch(`/api/categories/${olympiad.categories.maze}/params`)
        .set(as)
        .send({ params: { entry: 'double' } })
        .expect(200);
      second = (
        await request(venue.url)
          .post('/api/judges')
          .set(as)
          .send({
            stageId: olympiad.stageId,
            name: 'Берік Екінші',
            role: 'judge',
            categoryIds: [olympiad.categories.maze],
            fieldIds: [olympiad.fieldId],
          })
          .expect(201)
      ).body;
    },
  });
  const contexts: BrowserContext[] = [];
  afterAll(async () => {
    for (const context of contexts) await context.close();
  });

  const team = (page: Page, name: string) => page.locator('.queue__team', { hasText: name });
  const rowOf = async (teamIndex: number) => {
    const { venue, olympiad } = suite;
    const snapshot = (
      await request(venue.url)
        .get(`/api/categories/${olympiad.categories.maze}/standings`)
        .set('Authorization', `Bearer ${olympiad.organiser}`)
        .expect(200)
    ).body as StandingsSnapshot;
    return snapshot.standings.rows.find((row) => row.teamId === olympiad.teams.maze[teamIndex]);
  };
  async function enter(page: Page, name: string, time: string, confirm: string) {
    await team(page, name).click();
    await page.getByLabel(/^(Уақыт|Время)$/).fill(time);
    await page.getByRole('button', { name: confirm }).click();
  }

  let tabletA: Page;
  let tabletB: Page;

  it('keeps the first entry blind and shows the first judge that it waits for the second', async () => {
    tabletA = await suite.signIn('kk');
    await openCategory(tabletA, 'Лабиринт 3–4');
    await enter(tabletA, 'Қыран', '0:44.10', 'Әрекетті растау');
    await tabletA
      .locator('[data-testid="awaiting-second"]')
      .getByText('Екінші төрешіні күтудеміз', { exact: false })
      .waitFor();
    await team(tabletA, 'Қыран').getByText('Екінші енгізуді күтуде').waitFor({ timeout: 20_000 });
    // The first judge goes on to the next attempt.
    await team(tabletA, 'Қыран').click();
    await tabletA.getByText('2-әрекет (3 ішінен)', { exact: false }).first().waitFor();
    await saveScreenshot(tabletA, 'judge-double-entry-awaiting-kk');
    expect(await rowOf(0)).toMatchObject({ status: 'not-scored', review: 'awaiting-second' });

    const b = await signedInTablet(
      suite.browser,
      suite.venue.url,
      suite.olympiad.stageCode,
      second.pin,
      'ru',
    );
    contexts.push(b.context);
    tabletB = b.page;
    await openCategory(tabletB, 'Лабиринт 3–4');
    await team(tabletB, 'Қыран').click();
    await tabletB.getByText('попытка 1 из 3', { exact: false }).first().waitFor();
    await team(tabletB, 'Қыран').getByText('Ждёт второго ввода').waitFor();
    expect(await tabletB.content()).not.toContain('44.10');
  });

  it('puts a difference in review, and the head judge takes one entry with a reason', async () => {
    await enter(tabletB, 'Қыран', '0:45.00', 'Подтвердить попытку');
    await team(tabletB, 'Қыран').getByText('На проверке').waitFor({ timeout: 20_000 });
    await tabletB
      .locator('[data-testid="in-review"]')
      .getByText('Записи судей не совпали: решает главный судья.')
      .waitFor();
    await saveScreenshot(tabletB, 'judge-double-entry-in-review-ru');
    expect(await rowOf(0)).toMatchObject({ status: 'not-scored', review: 'in-review' });

    // The public standings say so too, with no value of either entry.
    await request(suite.venue.url)
      .post(`/api/categories/${suite.olympiad.categories.maze}/publish`)
      .set('Authorization', `Bearer ${suite.olympiad.organiser}`)
      .expect(200);
    const phone = await openInNewContext(
      suite.browser,
      'phone',
      `${suite.venue.url}/s/${suite.olympiad.stageCode}?lang=ru`,
      contexts,
    );
    const publicRow = phone.locator(`tr[data-team="${suite.olympiad.teams.maze[0]}"]`);
    await publicRow.getByText('На проверке').waitFor();
    expect(await publicRow.textContent()).not.toMatch(/0:4[45]/);
    await saveScreenshot(phone, 'leaderboard-double-entry-in-review-ru');

    const head = await signedInTablet(
      suite.browser,
      suite.venue.url,
      suite.olympiad.stageCode,
      suite.olympiad.headJudge.pin,
      'ru',
    );
    contexts.push(head.context);
    const page = head.page;
    await page
      .locator('.tile', { hasText: 'Лабиринт 3–4' })
      .locator('a', { hasText: 'Проверка' })
      .click();
    await page.getByRole('link', { name: 'Двойной ввод' }).click();
    await page.getByTestId('in-review-count').getByText('1 результат ждёт решения').waitFor();
    const values = page.getByTestId('double-entry-value');
    await values.nth(1).waitFor();
    const shown = (await values.allTextContents()).join(' | ');
    expect(shown).toContain('0:44.10');
    expect(shown).toContain('0:45.00');
    await saveScreenshot(page, 'judge-double-entry-decide-ru');
    await page.getByRole('button', { name: 'Қазақша' }).click();
    await page.getByTestId('in-review-count').getByText('1 нәтиже шешімді күтуде').waitFor();
    await saveScreenshot(page, 'judge-double-entry-decide-kk');
    await page.getByRole('button', { name: 'Русский' }).click();

    await page.getByLabel('Причина (хранится навсегда)').fill('Видео: 0:44.10');
    await page.getByRole('button', { name: 'Принять запись: Асқар Төрешіұлы' }).click();
    await page.getByTestId('in-review-count').getByText('Решать нечего').waitFor();
    const row = await rowOf(0);
    expect(row).toMatchObject({ status: 'ranked', primary: 44_100 });
    expect(row?.review).toBeUndefined();
  });

  it('pairs the entry of a tablet that was offline when it is back, in either order', async () => {
    await suite.context.setOffline(true);
    await enter(tabletA, 'Тұлпар', '0:50.00', 'Әрекетті растау');
    await team(tabletA, 'Тұлпар').getByText('Екінші енгізуді күтуде').waitFor();
    // The second judge's entry, online, reaches the server first.
    await enter(tabletB, 'Тұлпар', '0:50.00', 'Подтвердить попытку');
    await team(tabletB, 'Тұлпар').getByText('Ждёт второго ввода').waitFor({ timeout: 20_000 });
    expect(await rowOf(1)).toMatchObject({ review: 'awaiting-second' });

    await suite.context.setOffline(false);
    await tabletA
      .locator('[data-testid="team-waiting"]')
      .first()
      .waitFor({ state: 'detached', timeout: 30_000 });
    // Paired on arrival: the tablet's reload shows the agreed time counted.
    await team(tabletA, 'Тұлпар')
      .getByText(/0:50\.00/)
      .waitFor({ timeout: 30_000 });
    const row = await rowOf(1);
    expect(row).toMatchObject({ status: 'ranked', primary: 50_000 });
    expect(row?.review).toBeUndefined();
  });
});
