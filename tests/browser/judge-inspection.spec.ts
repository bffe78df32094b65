import type { Page } from 'playwright-core';
import request from 'supertest';
import { saveScreenshot } from './support/chromium';
import { openCategory, signedInTablet } from './support/judge-tablet-page';
import { judgeTabletSuite } from './support/judge-tablet-suite';

/**
 * Technical inspection on the tablets (docs/judge-tablet.md#inspection), with the maze rules
 * requiring it: the head judge records a failed inspection, the field judge's arm screen says why
 * the team cannot be armed and the server refuses the arm, then a passing re-inspection lets the
 * team be armed.
 */
describe('head judge: technical inspection on the tablet', () => {
  const tablet = judgeTabletSuite({
    gate: true,
    signIn: false,
    prepare: (venue, olympiad) =>
      request(venue.url)
        .patch(`/api/categories/${olympiad.categories.maze}/params`)
        .set('Authorization', `Bearer ${olympiad.organiser}`)
        .send({ params: { inspectionRequired: true } })
        .expect(200),
  });
  let head: Page;

  const asOrganiser = (path: string) =>
    request(tablet.venue.url)
      .get(path)
      .set('Authorization', `Bearer ${tablet.olympiad.organiser}`)
      .expect(200)
      .then((response) => response.body);

  const row = (name: string) => head.locator('.inspection-row', { hasText: name });

  async function inspect(team: string, width: string, length: string) {
    const form = head.locator('.inspection-form');
    await form.getByLabel('Команда', { exact: true }).selectOption({ label: team });
    await form.getByLabel('Ені, мм').fill(width);
    await form.getByLabel('Ұзындығы, мм').fill(length);
  }

  beforeAll(async () => {
    ({ page: head } = await signedInTablet(
      tablet.browser,
      tablet.venue.url,
      tablet.olympiad.stageCode,
      tablet.olympiad.headJudge.pin,
      'kk',
    ));
    await head
      .locator('.tile', { hasText: 'Лабиринт 3–4' })
      .locator('a', { hasText: 'Тексеру' })
      .click();
    await head.getByRole('link', { name: 'Техникалық тексеру' }).click();
    await head.locator('#inspection-title').waitFor();
  });

  it('records a failed inspection, the verdict shown from the limits as it is typed', async () => {
    const team = tablet.olympiad.teamNames.maze[0];
    await head.getByText('Шектеулер: ені 250 мм, ұзындығы 250 мм').waitFor();
    await inspect(team, '262', '240');
    await head
      .locator('[data-testid="inspection-verdict"]')
      .getByText('Өтпеді: ені 262 мм, шегі 250 мм')
      .waitFor();
    await head.getByRole('button', { name: 'Тексеруді сақтау' }).click();
    await row(team).locator('[data-testid="inspection-state"]', { hasText: 'Өтпеді' }).waitFor();
    await row(team).scrollIntoViewIfNeeded();
    await saveScreenshot(head, 'judge-inspection-failed-kk');
    const list = await asOrganiser(
      `/api/categories/${tablet.olympiad.categories.maze}/inspections`,
    );
    expect(list.inspections).toMatchObject([
      {
        teamId: tablet.olympiad.teams.maze[0],
        passed: false,
        widthMm: 262,
        lengthMm: 240,
        failures: [{ limit: 'widthMm', measured: 262, max: 250 }],
      },
    ]);
  });

  it('tells the field judge why the team cannot be armed, and the server refuses the arm', async () => {
    const team = tablet.olympiad.teamNames.maze[0];
    const page = await tablet.signIn('ru');
    await openCategory(page, 'Лабиринт 3–4');
    await page.locator('.queue__team', { hasText: team }).click();
    await page
      .locator('[data-testid="inspection-blocked"]')
      .getByText(`${team} не прошла проверку (ширина 262 мм больше 250 мм)`, { exact: false })
      .waitFor();
    await page.getByRole('button', { name: 'Готов к попытке 1' }).click();
    await page.getByText('Команда не прошла техническую проверку').waitFor();
    await saveScreenshot(page, 'judge-inspection-arm-refused-ru');
    expect(await asOrganiser(`/api/fields/${tablet.olympiad.fieldId}/run`)).toMatchObject({
      state: 'idle',
    });
  });

  it('re-inspects after the repair, and the team is armed', async () => {
    const team = tablet.olympiad.teamNames.maze[0];
    await row(team).getByRole('button', { name: 'Қайта тексеру' }).click();
    await inspect(team, '245', '240');
    await head
      .locator('[data-testid="inspection-verdict"]')
      .getByText('Шектеулер сақталған: өтті')
      .waitFor();
    await head.getByRole('button', { name: 'Тексеруді сақтау' }).click();
    await row(team).locator('[data-testid="inspection-state"]', { hasText: 'Өтті' }).waitFor();
    await row(team).getByText('2 тексеру').waitFor();
    await row(team).scrollIntoViewIfNeeded();
    await saveScreenshot(head, 'judge-inspection-passed-kk');

    // Choosing the team again reads the inspections again: another tablet's re-inspection shows.
    const page = tablet.page;
    await page.locator('.queue__team', { hasText: tablet.olympiad.teamNames.maze[1] }).click();
    await page
      .locator('[data-testid="inspection-blocked"]')
      .getByText(/ещё не проходила/)
      .waitFor();
    await page.locator('.queue__team', { hasText: team }).click();
    await page.getByRole('button', { name: 'Готов к попытке 1' }).click();
    await page.getByText('Готово: ждём робота у стартовых ворот…').waitFor();
    expect(await page.locator('[data-testid="inspection-blocked"]').count()).toBe(0);
  });
});
