import { saveScreenshot } from './support/chromium';
import { ledgerOf } from './support/judge-olympiad';
import { armAndRunSensor, judgeTabletSuite } from './support/judge-tablet-suite';

/**
 * Confirming an attempt says what was recorded (team, attempt, result) and keeps saying it until the
 * judge does the next thing; a fast double tap on Confirm records the attempt once.
 */
describe('maze screen: confirming an attempt', () => {
  const tablet = judgeTabletSuite({ category: 'Лабиринт 3–4' });

  const recorded = () => tablet.page.locator('[data-testid="attempt-recorded"]');

  async function ledgerSettled(count: number) {
    for (;;) {
      const entries = await ledgerOf(
        tablet.venue,
        tablet.olympiad.organiser,
        tablet.olympiad.categories.maze,
      );
      if (
        entries.length >= count &&
        (await tablet.page.locator('[data-testid="sync-banners"]').innerText()) === ''
      )
        return entries;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  it('records a double-tapped Confirm once and shows what was recorded', async () => {
    await tablet.page.locator('.queue__team', { hasText: 'Қыран' }).click();
    await tablet.page.getByLabel('Уақыт', { exact: true }).fill('0:52.31');
    await tablet.page.getByRole('button', { name: 'Бір жанасу артық' }).click();
    await tablet.page.getByRole('button', { name: 'Әрекетті растау' }).dblclick();

    const entries = await ledgerSettled(1);
    expect(
      entries.map((entry) => [
        entry.teamId,
        entry.payload['attempt'],
        entry.payload['timeMs'],
        entry.payload['touches'],
      ]),
    ).toEqual([[tablet.olympiad.teams.maze[0], 1, 52_310, 1]]);
    await recorded().waitFor();
    expect(await recorded().innerText()).toMatch(
      /Қыран[\s\S]*1-әрекет[\s\S]*1:02\.31[\s\S]*1 жанасу/,
    );
    // It stays once the server has the entry, until the judge's next action.
    await recorded().getByText('Сервер қабылдады').waitFor({ timeout: 30_000 });
    await tablet.page.getByText('2-әрекет (3 ішінен)').waitFor();
    await saveScreenshot(tablet.page, 'maze-attempt-recorded-kk');
    await tablet.page.getByRole('button', { name: 'Русский' }).click();
    await recorded()
      .getByText(/Қыран, попытка 1/)
      .waitFor();
    await saveScreenshot(tablet.page, 'maze-attempt-recorded-ru');
    await tablet.page.getByRole('button', { name: 'Қазақша' }).click();
    expect(await recorded().count()).toBe(1);

    await tablet.page.locator('.queue__team', { hasText: 'Тұлпар' }).click();
    await recorded().waitFor({ state: 'detached' });
  });

  it('records a double-tapped Confirm of a sensor-timed run once', async () => {
    await armAndRunSensor(tablet.page, tablet.venue, tablet.olympiad, 48_120_000, async () => {
      await tablet.page.locator('.big-clock--running').waitFor();
      // The running clock counts in the sensor's thousandths, like the time it becomes.
      expect(await tablet.page.locator('[data-testid="sensor-clock"]').innerText()).toMatch(
        /^\d+:\d\d\.\d{3}$/,
      );
    });
    await tablet.page
      .locator('[data-testid="sensor-clock"]')
      .getByText('0:48.120', { exact: true })
      .waitFor();
    await tablet.page.getByRole('button', { name: 'Бір жанасу артық' }).click();
    await tablet.page.getByRole('button', { name: 'Бір жанасу артық' }).click();
    await tablet.page.getByRole('button', { name: 'Әрекетті растау' }).dblclick();
    await recorded()
      .getByText(/Тұлпар, 1-әрекет: 1:08\.120/)
      .waitFor();

    // One list, one precision: the stopwatch time beside the sensor's is written in thousandths.
    await tablet.page.locator('.queue__team', { hasText: 'Қыран' }).getByText('1:02.310').waitFor();

    // The provisional entry of the finish gate and the judge's one correction of it.
    const entries = (await ledgerSettled(3)).filter(
      (entry) => entry.teamId === tablet.olympiad.teams.maze[1],
    );
    expect(
      entries.map((entry) => [
        entry.payload['timeMs'],
        entry.payload['touches'],
        entry.supersedes !== null,
      ]),
    ).toEqual([
      [48_120, 0, false],
      [48_120, 2, true],
    ]);
  });
});
