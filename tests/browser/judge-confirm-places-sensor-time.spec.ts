import type { StandingRow } from '@olympiad/scoring';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { eventually } from '../support/field-fixture';
import type { Venue } from '../support/start-venue';
import { browserVenue } from './support/browser-venue';
import { launchChromium } from './support/chromium';
import { createJudgeOlympiad, ledgerOf, type JudgeOlympiad } from './support/judge-olympiad';
import { openCategory, signedInTablet } from './support/judge-tablet-page';
import { SimulatedGate } from './support/simulated-gate';

/**
 * A gate's time places no team until the maze judge confirms it (docs/results-display.md), so
 * Confirm on the tablet must record the judge's entry even when the judge changed nothing; the
 * public standings then place the team on the gate's time.
 */
describe('maze tablet: confirming an unchanged sensor time', () => {
  let venue: Venue;
  let browser: Browser;
  let olympiad: JudgeOlympiad;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    venue = await browserVenue();
    browser = await launchChromium();
    olympiad = await createJudgeOlympiad(venue);
    await request(venue.url)
      .post(`/api/categories/${olympiad.categories.maze}/publish`)
      .set('Authorization', `Bearer ${olympiad.organiser}`)
      .expect(200);
    ({ context, page } = await signedInTablet(
      browser,
      venue.url,
      olympiad.stageCode,
      olympiad.judge.pin,
    ));
    await openCategory(page, 'Лабиринт 3–4');
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await venue?.stop();
  });

  const publicRow = async (teamId: string): Promise<StandingRow> =>
    (
      await request(venue.url)
        .get(`/api/public/categories/${olympiad.categories.maze}/standings`)
        .expect(200)
    ).body.standings.rows.find((row: StandingRow) => row.teamId === teamId);

  it('places the team once the judge confirms, with no touch added', async () => {
    const team = olympiad.teams.maze[0];
    await page.locator('.queue__team', { hasText: olympiad.teamNames.maze[0] }).click();
    await page.getByRole('button', { name: '1-әрекетке дайын' }).click();
    const gate = await SimulatedGate.connect(
      venue.mqttUrl as string,
      olympiad.device.id,
      olympiad.device.secret,
    );
    try {
      await gate.gate('start');
      await gate.gate('finish', 48_120_000);
    } finally {
      await gate.close();
    }
    await page
      .locator('[data-testid="sensor-clock"]')
      .getByText(/^0:48\.120?$/)
      .waitFor();
    await eventually(async () => expect((await publicRow(team)).unconfirmed?.primary).toBe(48_120));
    expect((await publicRow(team)).place).toBeNull();

    await page.getByRole('button', { name: 'Әрекетті растау' }).click();
    await eventually(
      async () =>
        expect(await publicRow(team)).toMatchObject({
          place: 1,
          status: 'ranked',
          primary: 48_120,
        }),
      15_000,
    );
    expect((await publicRow(team)).unconfirmed).toBeUndefined();
    const entries = (await ledgerOf(venue, olympiad.organiser, olympiad.categories.maze)).filter(
      (entry) => entry.teamId === team,
    );
    expect(
      entries.map((entry) => [
        entry.payload['timeMs'],
        entry.payload['touches'],
        entry.supersedes === entries[0].id,
      ]),
    ).toEqual([
      [48_120, 0, false],
      [48_120, 0, true],
    ]);
  });
});
