import request from 'supertest';
import { saveScreenshot } from './support/chromium';
import { ledgerOf } from './support/judge-olympiad';
import { judgeTabletSuite } from './support/judge-tablet-suite';

/**
 * A programming category under ICPC rules (20 min per wrong try, contest time) scored from the
 * tablet: per task solved or not, the contest time and the wrong tries; the team's standing then
 * says how many tasks it solved and its penalty. A checker's file with times and tries imports the
 * same way and names the line and column of a bad time.
 */
describe('programming screen: ICPC from the tablet', () => {
  const tablet = judgeTabletSuite({
    category: 'Бағдарламалау 5–6',
    prepare: (venue, olympiad) =>
      request(venue.url)
        .patch(`/api/categories/${olympiad.categories.programming}/params`)
        .set('Authorization', `Bearer ${olympiad.organiser}`)
        .send({
          params: {
            credit: 'all-or-nothing',
            submissions: 'icpc',
            penaltyMsPerWrongTry: 1_200_000,
            submissionTime: 'contest-time',
            tieBreaks: [],
          },
        })
        .expect(200),
  });

  async function ledgerFor(teamId: string, count: number) {
    for (;;) {
      const entries = (
        await ledgerOf(
          tablet.venue,
          tablet.olympiad.organiser,
          tablet.olympiad.categories.programming,
        )
      ).filter((entry) => entry.teamId === teamId);
      if (entries.length >= count) return entries;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  it('scores a team per task and shows its solved count and penalty', async () => {
    const page = tablet.page;
    await page.locator('.queue__team', { hasText: 'Кодтар' }).click();
    const rowA = page.locator('[data-testid="icpc-task-A"]');
    await rowA.getByRole('button', { name: 'Шешілді', exact: true }).click();
    await page.getByLabel('Task A: тур уақыты').fill('1:75');
    await rowA.getByRole('button', { name: 'Бір қате әрекет артық' }).click();
    const rowB = page.locator('[data-testid="icpc-task-B"]');
    await rowB.getByRole('button', { name: 'Шешілді', exact: true }).click();
    await page.getByLabel('Task B: тур уақыты').fill('45:00');
    await page.getByRole('button', { name: 'Сақтау', exact: true }).click();
    await page.getByText('Task A: Тур уақытын м:сс не с:мм:сс түрінде жазыңыз.').waitFor();
    await rowA.scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'judge-icpc-form-kk');

    await page.getByLabel('Task A: тур уақыты').fill('1:02:03');
    await page.getByRole('button', { name: 'Сақтау', exact: true }).click();
    await page.getByText('3 жазба планшетте сақталды', { exact: false }).waitFor();

    // 62:03 + 20:00 for the wrong try + 45:00 = 127 min.
    const summary = page.locator('[data-testid="icpc-summary"]');
    await summary.getByText('2 есеп шешілді · айыппұл 127 мин').waitFor({ timeout: 30_000 });
    await rowA.getByText('1:02:03 шешілді').waitFor();
    await rowA.getByText('1 қате әрекет').waitFor();
    // A solved task takes no more verdicts: ICPC counts nothing after the accepted submission.
    expect(await rowA.getByRole('button', { name: 'Шешілді', exact: true }).count()).toBe(0);
    await saveScreenshot(page, 'judge-icpc-scored-kk');

    const entries = await ledgerFor(tablet.olympiad.teams.programming[0], 3);
    expect(
      entries.map((entry) => [
        entry.payload['task'],
        entry.payload['points'],
        entry.payload['timeMs'],
      ]),
    ).toEqual([
      ['A', 0, 3_723_000],
      ['A', 100, 3_723_000],
      ['B', 100, 2_700_000],
    ]);

    await page.getByRole('button', { name: 'Русский' }).click();
    await summary.getByText('Решены 2 задачи · штраф 127 мин').waitFor();
    await rowA.getByText('1 неверная попытка').waitFor();
    await page
      .locator('[data-testid="icpc-task-C"]')
      .getByRole('button', { name: 'Не решена' })
      .click();
    await page.locator('[data-testid="icpc-task-C"]').scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'judge-icpc-scored-ru');
    await page
      .locator('[data-testid="icpc-task-C"]')
      .getByRole('button', { name: 'Не решена' })
      .click();
    await page.getByRole('button', { name: 'Қазақша' }).click();
  });

  it('imports a checker file with contest times and tries, naming the line and column of a bad time', async () => {
    const page = tablet.page;
    await page.getByRole('tab', { name: 'Тексеруші файлын жүктеу' }).click();
    await page
      .getByLabel('Немесе файл мәтінін қойыңыз')
      .fill('команда;есеп;ұпай;уақыт;қате әрекеттер\nАлгоритм;A;100;25:00;1\nҒалым;A;100;1:75;0\n');
    await page.getByText('3-жол, 4-баған: тур уақытын м:сс не с:мм:сс түрінде жазыңыз.').waitFor();
    await page.locator('.preview-table').scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'judge-icpc-import-kk');
    await page.getByRole('button', { name: 'Русский' }).click();
    await page.getByText('Строка 3, столбец 4: время тура пишется как м:сс или ч:мм:сс.').waitFor();
    await page.locator('.preview-table').scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'judge-icpc-import-ru');
    await page.getByRole('button', { name: 'Қазақша' }).click();

    await page.getByRole('button', { name: '1 өзгерісті енгізу' }).click();
    const entries = await ledgerFor(tablet.olympiad.teams.programming[1], 2);
    expect(entries.map((entry) => [entry.payload['points'], entry.payload['timeMs']])).toEqual([
      [0, 1_500_000],
      [100, 1_500_000],
    ]);
    await page.getByRole('tab', { name: 'Команда бойынша ұпай' }).click();
    await page.locator('.queue__team', { hasText: 'Алгоритм' }).click();
    await page
      .locator('[data-testid="icpc-summary"]')
      .getByText('1 есеп шешілді · айыппұл 45 мин')
      .waitFor({ timeout: 30_000 });
  });
});
