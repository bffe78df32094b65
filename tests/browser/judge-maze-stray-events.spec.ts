import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import request from 'supertest';
import type { Venue } from '../support/start-venue';
import { browserVenue } from './support/browser-venue';
import { launchChromium, saveScreenshot, VIEWPORTS } from './support/chromium';
import { createJudgeOlympiad, ledgerOf, type JudgeOlympiad } from './support/judge-olympiad';
import { openCategory, signedInTablet } from './support/judge-tablet-page';
import { SimulatedGate } from './support/simulated-gate';

interface StrayEvent {
  id: string;
  gate: string;
  deviceTimeUs: number;
  receivedAt: string;
}

/**
 * A field's gates fire while nothing is armed (robots tried out, people walking through): 40 stray
 * events. The maze screen stays short enough that Confirm is in view on a 1280×800 tablet, shows the
 * newest events first and the rest on demand, and a start and a finish from the list still give
 * their time (thousandths, as the sensor measured it) to the team on screen.
 */
describe('maze screen: stray sensor events', () => {
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
  });

  afterAll(async () => {
    await gate?.close();
    await context?.close();
    await browser?.close();
    await venue?.stop();
  });

  /** The field's unassigned events as the server keeps them, newest first. */
  async function serverStrays(): Promise<StrayEvent[]> {
    const response = await request(venue.url)
      .get(`/api/fields/${olympiad.fieldId}/unassigned`)
      .set('Authorization', `Bearer ${olympiad.organiser}`)
      .expect(200);
    return (response.body as StrayEvent[]).sort(
      (a, b) => b.receivedAt.localeCompare(a.receivedAt) || b.deviceTimeUs - a.deviceTimeUs,
    );
  }

  async function waitForStrays(count: number): Promise<StrayEvent[]> {
    for (;;) {
      const strays = await serverStrays();
      if (strays.length >= count) return strays;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async function bottomOf(locator: Locator): Promise<number> {
    const box = await locator.boundingBox();
    return box ? box.y + box.height : Infinity;
  }

  const rows = () => page.locator('.unassigned__list li:visible');
  const confirmButton = () => page.getByRole('button', { name: 'Әрекетті растау' });

  it('keeps Confirm in view after 40 stray events and lists the newest first', async () => {
    // Half of them before the judge opens the screen, half while it is open.
    for (let n = 0; n < 20; n++) await gate.gate(n % 2 === 0 ? 'start' : 'finish', 30_000_000);
    ({ context, page } = await signedInTablet(
      browser,
      venue.url,
      olympiad.stageCode,
      olympiad.judge.pin,
    ));
    await openCategory(page, 'Лабиринт 3–4');
    await page.locator('.queue__team', { hasText: 'Барыс' }).click();
    const summary = page.locator('.unassigned summary');
    await summary.getByText(/20/).waitFor();
    for (let n = 20; n < 40; n++) await gate.gate(n % 2 === 0 ? 'start' : 'finish', 30_000_000);
    const strays = await waitForStrays(40);
    await summary.getByText(/40/).waitFor();

    // Collapsed: the page is not pushed down, Confirm is on screen without scrolling.
    await saveScreenshot(page, 'maze-stray-events-kk');
    expect(await rows().count()).toBe(0);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    expect(await bottomOf(confirmButton())).toBeLessThanOrEqual(VIEWPORTS.tablet.height);
    await page.getByRole('button', { name: 'Русский' }).click();
    await summary.getByText('40 событий датчика без заезда').waitFor();
    expect(
      await bottomOf(page.getByRole('button', { name: 'Подтвердить попытку' })),
    ).toBeLessThanOrEqual(VIEWPORTS.tablet.height);
    await saveScreenshot(page, 'maze-stray-events-ru');
    await page.getByRole('button', { name: 'Қазақша' }).click();

    // Opened: the newest three, newest first; the rest on demand.
    await summary.click();
    await rows().first().waitFor();
    expect(
      await rows().evaluateAll((items) => items.map((item) => item.getAttribute('data-event-id'))),
    ).toEqual(strays.slice(0, 3).map((event) => event.id));
    await saveScreenshot(page, 'maze-stray-events-open-kk');
    await page.getByRole('button', { name: /Барлығын көрсету/ }).click();
    await rows().nth(39).waitFor();
    expect(
      await rows().evaluateAll((items) => items.map((item) => item.getAttribute('data-event-id'))),
    ).toEqual(strays.map((event) => event.id));
  });

  it('puts a new stray event at the top', async () => {
    await gate.gate('start', 30_000_000);
    const strays = await waitForStrays(41);
    await page.locator('.unassigned summary').getByText(/41/).waitFor();
    await page.waitForFunction(
      (id) => document.querySelector('.unassigned__list li')?.getAttribute('data-event-id') === id,
      strays[0].id,
    );
    expect(await rows().count()).toBe(41);
  });

  it('gives a start and a finish from the list to the team on screen, in thousandths', async () => {
    // A start, then a finish 41.230 s later on the device's clock.
    await gate.gate('finish', 30_000_000);
    await gate.gate('start', 30_000_000);
    await gate.gate('finish', 41_230_000);
    const [finish, start] = await waitForStrays(44);
    await page.locator(`[data-event-id="${start.id}"]`).getByRole('button').click();
    await page.locator(`[data-event-id="${finish.id}"]`).getByRole('button').click();
    await page.getByRole('button', { name: 'Осы уақытты алу' }).click();

    await page
      .locator('[data-testid="sensor-clock"]')
      .getByText('0:41.230', { exact: true })
      .waitFor();
    expect(
      await page.locator('.time-source [role="radio"][aria-checked="true"]').innerText(),
    ).toContain('0:41.230');
    expect(await page.locator('[data-testid="attempt-result"]').innerText()).toBe('0:41.230');
    // The two events now belong to the run: the list no longer offers them.
    expect(
      await page.locator(`[data-event-id="${start.id}"], [data-event-id="${finish.id}"]`).count(),
    ).toBe(0);

    const ledger = await ledgerOf(venue, olympiad.organiser, olympiad.categories.maze);
    expect(
      ledger.map((entry) => [entry.teamId, entry.payload['timeMs'], entry.payload['timing']]),
    ).toEqual([[olympiad.teams.maze[2], 41_230, 'sensor']]);
  });
});
