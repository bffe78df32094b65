import type { Locator } from 'playwright-core';
import request from 'supertest';
import { saveScreenshot, VIEWPORTS } from './support/chromium';
import { ledgerOf } from './support/judge-olympiad';
import { openCategory } from './support/judge-tablet-page';
import { judgeTabletSuite } from './support/judge-tablet-suite';

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
  const tablet = judgeTabletSuite({ gate: true, signIn: false });

  /** The field's unassigned events as the server keeps them, newest first. */
  async function serverStrays(): Promise<StrayEvent[]> {
    const response = await request(tablet.venue.url)
      .get(`/api/fields/${tablet.olympiad.fieldId}/unassigned`)
      .set('Authorization', `Bearer ${tablet.olympiad.organiser}`)
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

  const rows = () => tablet.page.locator('.unassigned__list li:visible');
  const confirmButton = () => tablet.page.getByRole('button', { name: 'Әрекетті растау' });

  it('keeps Confirm in view after 40 stray events and lists the newest first', async () => {
    // Half of them before the judge opens the screen, half while it is open.
    for (let n = 0; n < 20; n++)
      await tablet.gate.gate(n % 2 === 0 ? 'start' : 'finish', 30_000_000);
    await tablet.signIn();
    await openCategory(tablet.page, 'Лабиринт 3–4');
    await tablet.page.locator('.queue__team', { hasText: 'Барыс' }).click();
    const summary = tablet.page.locator('.unassigned summary');
    await summary.getByText(/20/).waitFor();
    for (let n = 20; n < 40; n++)
      await tablet.gate.gate(n % 2 === 0 ? 'start' : 'finish', 30_000_000);
    const strays = await waitForStrays(40);
    await summary.getByText(/40/).waitFor();

    // Collapsed: the page is not pushed down, Confirm is on screen without scrolling.
    await saveScreenshot(tablet.page, 'maze-stray-events-kk');
    expect(await rows().count()).toBe(0);
    expect(await tablet.page.evaluate(() => window.scrollY)).toBe(0);
    expect(await bottomOf(confirmButton())).toBeLessThanOrEqual(VIEWPORTS.tablet.height);
    await tablet.page.getByRole('button', { name: 'Русский' }).click();
    await summary.getByText('40 событий датчика без заезда').waitFor();
    expect(
      await bottomOf(tablet.page.getByRole('button', { name: 'Подтвердить попытку' })),
    ).toBeLessThanOrEqual(VIEWPORTS.tablet.height);
    await saveScreenshot(tablet.page, 'maze-stray-events-ru');
    await tablet.page.getByRole('button', { name: 'Қазақша' }).click();

    // Opened: the newest three, newest first; the rest on demand.
    await summary.click();
    await rows().first().waitFor();
    expect(
      await rows().evaluateAll((items) => items.map((item) => item.getAttribute('data-event-id'))),
    ).toEqual(strays.slice(0, 3).map((event) => event.id));
    await saveScreenshot(tablet.page, 'maze-stray-events-open-kk');
    await tablet.page.getByRole('button', { name: /Барлығын көрсету/ }).click();
    await rows().nth(39).waitFor();
    expect(
      await rows().evaluateAll((items) => items.map((item) => item.getAttribute('data-event-id'))),
    ).toEqual(strays.map((event) => event.id));
  });

  it('puts a new stray event at the top', async () => {
    await tablet.gate.gate('start', 30_000_000);
    const strays = await waitForStrays(41);
    await tablet.page.locator('.unassigned summary').getByText(/41/).waitFor();
    await tablet.page.waitForFunction(
      (id) => document.querySelector('.unassigned__list li')?.getAttribute('data-event-id') === id,
      strays[0].id,
    );
    expect(await rows().count()).toBe(41);
  });

  it('gives a start and a finish from the list to the team on screen, in thousandths', async () => {
    // A start, then a finish 41.230 s later on the device's clock.
    await tablet.gate.gate('finish', 30_000_000);
    await tablet.gate.gate('start', 30_000_000);
    await tablet.gate.gate('finish', 41_230_000);
    const [finish, start] = await waitForStrays(44);
    await tablet.page.locator(`[data-event-id="${start.id}"]`).getByRole('button').click();
    await tablet.page.locator(`[data-event-id="${finish.id}"]`).getByRole('button').click();
    await tablet.page.getByRole('button', { name: 'Осы уақытты алу' }).click();

    await tablet.page
      .locator('[data-testid="sensor-clock"]')
      .getByText('0:41.230', { exact: true })
      .waitFor();
    expect(
      await tablet.page.locator('.time-source [role="radio"][aria-checked="true"]').innerText(),
    ).toContain('0:41.230');
    expect(await tablet.page.locator('[data-testid="attempt-result"]').innerText()).toBe(
      '0:41.230',
    );
    // The two events now belong to the run: the list no longer offers them.
    expect(
      await tablet.page
        .locator(`[data-event-id="${start.id}"], [data-event-id="${finish.id}"]`)
        .count(),
    ).toBe(0);

    const ledger = await ledgerOf(
      tablet.venue,
      tablet.olympiad.organiser,
      tablet.olympiad.categories.maze,
    );
    expect(
      ledger.map((entry) => [entry.teamId, entry.payload['timeMs'], entry.payload['timing']]),
    ).toEqual([[tablet.olympiad.teams.maze[2], 41_230, 'sensor']]);
  });
});
