import type { Page } from 'playwright-core';
import { saveScreenshot } from './support/chromium';
import { ledgerOf } from './support/judge-olympiad';
import { openCategory } from './support/judge-tablet-page';
import { armAndRunSensor, judgeTabletSuite } from './support/judge-tablet-suite';

/**
 * The maze rules' stall limit (10 s in the maze-default preset) counts down on the attempt screen
 * from the start of the attempt; "Robot moved on" restarts it, running out ends the attempt as a
 * stall, and the judge can still change that before confirming. The page's clock is Playwright's,
 * so time only moves when the test says so.
 */
describe('maze screen: the stall timer', () => {
  const tablet = judgeTabletSuite({ signIn: false });
  let page: Page;

  const remaining = () => page.locator('[data-testid="stall-remaining"]');
  // The display follows animation frames (16 ms apart), so the last hundredths may lag a frame.
  const shows = (text: RegExp) => remaining().filter({ hasText: text }).waitFor();
  const radio = (name: string) => page.getByRole('radio', { name, exact: true });

  beforeAll(async () => {
    page = await tablet.signIn('kk');
    await page.clock.install();
    await page.reload();
    await openCategory(page, 'Лабиринт 3–4');
  });

  async function startStopwatchPaused() {
    // Time stands still from here: the stopwatch and the countdown start at the same instant.
    const now = await page.evaluate(() => Date.now());
    await page.clock.pauseAt(now + 1_000);
    await page.getByRole('button', { name: 'Бастау', exact: true }).click();
  }

  async function ledgerFor(teamId: string, count: number) {
    for (;;) {
      const entries = (
        await ledgerOf(tablet.venue, tablet.olympiad.organiser, tablet.olympiad.categories.maze)
      ).filter((entry) => entry.teamId === teamId);
      if (entries.length >= count) return entries;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  it('counts down from the start, restarts on progress and ends the attempt as a stall', async () => {
    await page.locator('.queue__team', { hasText: 'Барыс' }).click();
    // Before the attempt starts there is no countdown: it would push Confirm below the fold.
    await radio('Мәреге жетті').waitFor();
    expect(await remaining().count()).toBe(0);

    await startStopwatchPaused();
    await shows(/^0:10\.00$|^0:09\.\d\d$/);
    await page.clock.runFor(6_000);
    await shows(/^0:04\.0\d$/);
    await page.getByRole('button', { name: 'Робот алға жылжыды' }).click();
    await shows(/^0:10\.00$/);
    await page.clock.runFor(9_900);
    await shows(/^0:00\.1\d$/);
    expect(await radio('Мәреге жетті').getAttribute('aria-checked')).toBe('true');
    await saveScreenshot(page, 'judge-stall-timer-running-kk');

    await page.clock.runFor(200);
    await shows(/^0:00\.00$/);
    await page.getByText('Ілгерілеу шегі бітті: робот тоқтап қалды').waitFor();
    expect(await radio('Мәреге жетпеді').getAttribute('aria-checked')).toBe('true');
    expect(await radio('Робот тоқтап қалды').getAttribute('aria-checked')).toBe('true');
    expect(await page.getByRole('button', { name: 'Робот алға жылжыды' }).isDisabled()).toBe(true);
    await saveScreenshot(page, 'judge-stall-timer-expired-kk');
    await page.getByRole('button', { name: 'Русский' }).click();
    await page.getByText('Время вышло: робот застрял').waitFor();
    await page.getByText(/Нет продвижения 10 с: попытка завершена/).waitFor();
    await saveScreenshot(page, 'judge-stall-timer-expired-ru');
    await page.getByRole('button', { name: 'Қазақша' }).click();

    await page.clock.resume();
    await page.getByRole('button', { name: 'Әрекетті растау' }).click();
    const [entry] = await ledgerFor(tablet.olympiad.teams.maze[2], 1);
    expect([entry.payload['attempt'], entry.payload['outcome'], entry.payload['endedBy']]).toEqual([
      1,
      'not-finished',
      'stall',
    ]);
  });

  it('lets the judge override the stall before confirming', async () => {
    await page.locator('.queue__team', { hasText: 'Сұңқар' }).click();
    await radio('Мәреге жетті').waitFor();
    await startStopwatchPaused();
    await page.clock.runFor(10_100);
    await page.getByText('Ілгерілеу шегі бітті: робот тоқтап қалды').waitFor();
    expect(await radio('Робот тоқтап қалды').getAttribute('aria-checked')).toBe('true');

    // The robot did reach the finish as the time ran out: the judge says so and types its time.
    await radio('Мәреге жетті').click();
    await page.getByLabel('Уақыт', { exact: true }).fill('0:10.00');
    await page.clock.resume();
    await page.getByRole('button', { name: 'Әрекетті растау' }).click();
    const [entry] = await ledgerFor(tablet.olympiad.teams.maze[3], 1);
    expect([entry.payload['outcome'], entry.payload['timeMs'], entry.payload['endedBy']]).toEqual([
      'finished',
      10_000,
      null,
    ]);
  });

  it('starts with the start gate and stops with the finish gate', async () => {
    await page.locator('.queue__team', { hasText: 'Қыран' }).click();
    await radio('Мәреге жетті').waitFor();
    // The tests above moved the page's clock ahead; the tablet dates a run by the server's clock.
    await page.clock.setSystemTime(Date.now());
    // The field's live updates need the page's timers, so time flows until the run is on.
    await armAndRunSensor(page, tablet.venue, tablet.olympiad, 4_000_000, async () => {
      await page.locator('.big-clock--running').waitFor();
      await page.getByText('Робот алға жылжыған сайын', { exact: false }).waitFor();
      const now = await page.evaluate(() => Date.now());
      await page.clock.pauseAt(now + 1_000);
      await page.clock.runFor(3_000);
      await shows(/^0:0[0-6]\.\d\d$/);
      await page.clock.resume();
    });
    await page.getByText('Әрекетпен бірге тоқтады').waitFor();
    const stoppedAt = await remaining().innerText();
    const now = await page.evaluate(() => Date.now());
    await page.clock.pauseAt(now + 1_000);
    await page.clock.runFor(20_000);
    expect(await remaining().innerText()).toBe(stoppedAt);
    expect(await page.getByText('Ілгерілеу шегі бітті: робот тоқтап қалды').count()).toBe(0);
    expect(await radio('Мәреге жетті').getAttribute('aria-checked')).toBe('true');
    await page.clock.resume();
  });
});
