import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Venue } from '../support/start-venue';
import { browserVenue } from './support/browser-venue';
import { launchChromium, saveScreenshot } from './support/chromium';
import { createJudgeOlympiad, ledgerOf, type JudgeOlympiad } from './support/judge-olympiad';
import { openCategory, signedInTablet } from './support/judge-tablet-page';
import { SimulatedGate } from './support/simulated-gate';

/**
 * The tablet loses the venue Wi-Fi: it cannot know whether the field's sensor is still connected, so
 * it says "unknown" instead of a green "connected"; and the team list marks the teams whose entries
 * are still waiting on the tablet until they reach the server.
 */
describe('maze screen offline: sensor unknown, entries waiting per team', () => {
  let venue: Venue;
  let browser: Browser;
  let olympiad: JudgeOlympiad;
  let context: BrowserContext;
  let page: Page;
  let gate: SimulatedGate;

  beforeAll(async () => {
    venue = await browserVenue();
    browser = await launchChromium();
    olympiad = await createJudgeOlympiad(venue);
    gate = await SimulatedGate.connect(
      venue.mqttUrl as string,
      olympiad.device.id,
      olympiad.device.secret,
    );
    ({ context, page } = await signedInTablet(
      browser,
      venue.url,
      olympiad.stageCode,
      olympiad.judge.pin,
    ));
  });

  afterAll(async () => {
    await gate?.close();
    await context?.close();
    await browser?.close();
    await venue?.stop();
  });

  const chip = () => page.locator('.sensor-panel h3 .chip');
  const team = (name: string) => page.locator('.queue__team', { hasText: name });
  const waitingMark = (name: string) => team(name).locator('[data-testid="team-waiting"]');

  it('shows the sensor as unknown and marks the teams with entries waiting on the tablet', async () => {
    // Opened once online, as a judge does at the start of the day, so it opens offline too.
    await openCategory(page, 'Бағдарламалау 5–6');
    await team('Кодтар').waitFor();
    await page.locator('.screen__head a', { hasText: 'Артқа' }).click();
    await openCategory(page, 'Лабиринт 3–4');
    await team('Қыран').click();
    await gate.heartbeat(1_000_000);
    await chip().getByText('қосылған', { exact: true }).waitFor();
    expect(await chip().getAttribute('class')).toContain('chip--ok');

    await context.setOffline(true);
    await chip().getByText('белгісіз', { exact: true }).waitFor();
    expect(await chip().getAttribute('class')).not.toContain('chip--ok');

    for (const [name, time] of [
      ['Қыран', '0:44.10'],
      ['Барыс', '0:47.20'],
    ]) {
      await team(name).click();
      await page.getByLabel('Уақыт', { exact: true }).fill(time);
      await page.getByRole('button', { name: 'Әрекетті растау' }).click();
      await waitingMark(name).getByText('1 жазба жіберуді күтуде').waitFor();
    }
    await team('Қыран').click();
    await page.getByLabel('Уақыт', { exact: true }).fill('0:43.90');
    await page.getByRole('button', { name: 'Әрекетті растау' }).click();
    await waitingMark('Қыран').getByText('2 жазба жіберуді күтуде').waitFor();
    expect(await waitingMark('Тұлпар').count()).toBe(0);
    expect(await waitingMark('Сұңқар').count()).toBe(0);
    await saveScreenshot(page, 'maze-offline-waiting-kk');
    await page.getByRole('button', { name: 'Русский' }).click();
    await waitingMark('Қыран').getByText('2 записи ждут отправки').waitFor();
    await waitingMark('Барыс').getByText('1 запись ждёт отправки').waitFor();
    await chip().getByText('неизвестно', { exact: true }).waitFor();
    await saveScreenshot(page, 'maze-offline-waiting-ru');
    await page.getByRole('button', { name: 'Қазақша' }).click();

    // The other team lists mark waiting entries too.
    await page.locator('.screen__head a', { hasText: 'Артқа' }).click();
    await openCategory(page, 'Бағдарламалау 5–6');
    await team('Кодтар').click();
    await page.getByLabel('Task A үшін ұпай').fill('10');
    await page.getByRole('button', { name: 'Сақтау' }).click();
    await waitingMark('Кодтар').getByText('1 жазба жіберуді күтуде').waitFor();
    expect(await waitingMark('Алгоритм').count()).toBe(0);
    await page.locator('.screen__head a', { hasText: 'Артқа' }).click();
    await openCategory(page, 'Лабиринт 3–4');
    await team('Сұңқар').click();
    await chip().getByText('белгісіз', { exact: true }).waitFor();

    // Back online: the entries reach the server, the marks go and the sensor is known again.
    await context.setOffline(false);
    await page
      .locator('[data-testid="team-waiting"]')
      .first()
      .waitFor({ state: 'detached', timeout: 30_000 });
    await gate.heartbeat(1_000_000);
    await chip().getByText('қосылған', { exact: true }).waitFor({ timeout: 30_000 });
    expect((await ledgerOf(venue, olympiad.organiser, olympiad.categories.maze)).length).toBe(3);
  });
});
