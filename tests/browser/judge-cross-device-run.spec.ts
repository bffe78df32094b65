import type { Page } from 'playwright-core';
import request from 'supertest';
import type { Venue } from '../support/start-venue';
import {
  jammedLink,
  DriftingController,
  venueWifi,
  type NetworkDelay,
} from '../support/drifting-controller';
import { eventually } from '../support/field-fixture';
import { saveScreenshot } from './support/chromium';
import { type JudgeOlympiad, ledgerOf } from './support/judge-olympiad';
import { openCategory } from './support/judge-tablet-page';
import { judgeTabletSuite } from './support/judge-tablet-suite';

const FINISH_DEVICE = 'gate-field-1-finish';
let finishSecret = '';

/** The maze field's finish gate becomes a second controller (docs/sensor-contract.md#gate-layout). */
async function splitGates(venue: Venue, olympiad: JudgeOlympiad): Promise<void> {
  const auth = { Authorization: `Bearer ${olympiad.organiser}` };
  finishSecret = (
    await request(venue.url)
      .post('/api/devices')
      .set(auth)
      .send({ id: FINISH_DEVICE, fieldId: olympiad.fieldId, label: 'Finish' })
      .expect(201)
  ).body.secret;
  await request(venue.url)
    .put(`/api/fields/${olympiad.fieldId}/gates`)
    .set(auth)
    .send({ startDeviceId: olympiad.device.id, finishDeviceId: FINISH_DEVICE })
    .expect(200);
}

/**
 * A maze table with its start gate and finish gate on two controllers whose clocks differ by 2.5 s
 * and drift 50 ppm: the tablet shows the time with its bound, and when the bound is wider than the
 * rules' tolerance it asks for the judge's stopwatch time, which is what the ledger records.
 */
describe('maze tablet: a run timed between two controllers', () => {
  const tablet = judgeTabletSuite({ signIn: false, prepare: splitGates });
  const open: DriftingController[] = [];
  // Each test's controllers go before the next test, and all before the suite stops the venue.
  afterEach(async () => {
    for (const controller of open.splice(0)) await controller.close();
  });

  /** Both controllers on, heartbeats for a while, then the judge arms and the robot runs 1.2 s. */
  async function run(
    page: Page,
    arm: string,
    finishDelay: NetworkDelay,
    finishHeartbeatMs: number,
  ): Promise<void> {
    for (const controller of open.splice(0)) await controller.close();
    const { venue, olympiad } = tablet;
    const start = await DriftingController.connect(
      venue.mqttUrl!,
      olympiad.device.id,
      olympiad.device.secret,
      { offsetUs: 1_000_000, ppm: 0, delay: venueWifi, seed: 5 },
    );
    const finish = await DriftingController.connect(venue.mqttUrl!, FINISH_DEVICE, finishSecret, {
      offsetUs: 3_500_000,
      ppm: 50,
      delay: finishDelay,
      seed: 6,
    });
    open.push(start, finish);
    start.startHeartbeats(40);
    // 0: the finish controller has just been switched on and sent nothing before the run.
    if (finishHeartbeatMs > 0) finish.startHeartbeats(finishHeartbeatMs);
    // 6 s of 40 ms heartbeats: past the 100 samples an estimate needs (docs/sensor-contract.md).
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    await page.getByRole('button', { name: arm }).click();
    await page.locator('.big-clock--armed').waitFor();
    start.gate('start');
    await page.locator('.big-clock--running').waitFor();
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    finish.gate('finish');
  }

  it('shows the time with its bound (kk)', async () => {
    const page = await tablet.signIn('kk');
    await openCategory(page, 'Лабиринт 3–4');
    await page.locator('.queue__team', { hasText: tablet.olympiad.teamNames.maze[0] }).click();
    await run(page, '1-әрекетке дайын', venueWifi, 40);
    const bound = page.locator('[data-testid="sensor-bound"]');
    await bound.waitFor({ timeout: 10_000 });
    expect(await bound.textContent()).toMatch(/^±\d{1,2} мс$/);
    expect(await page.locator('[data-testid="sensor-clock"]').textContent()).toMatch(
      /^0:01\.\d{3}±/,
    );
    await saveScreenshot(page, 'judge-cross-device-run-bound-kk');
  });

  it("asks for the stopwatch when the clocks' bound is wider than the rules allow, and records it (ru)", async () => {
    const page = await tablet.signIn('ru');
    await openCategory(page, 'Лабиринт 3–4');
    const team = tablet.olympiad.teams.maze[1];
    await page.locator('.queue__team', { hasText: tablet.olympiad.teamNames.maze[1] }).click();
    await run(page, 'Готов к попытке 1', jammedLink(), 40);
    await page
      .getByText(/Часы двух ворот согласованы лишь до ±\d+ мс/)
      .waitFor({ timeout: 10_000 });
    // No sensor time to choose: the stopwatch and the time field are there.
    expect(await page.getByRole('radio', { name: /^Датчик/ }).count()).toBe(0);
    await page.getByLabel('Время', { exact: true }).fill('0:01.31');
    await saveScreenshot(page, 'judge-cross-device-run-manual-ru');
    await page.getByRole('button', { name: 'Подтвердить попытку' }).click();
    const entries = await eventually(async () => {
      const mine = (
        await ledgerOf(tablet.venue, tablet.olympiad.organiser, tablet.olympiad.categories.maze)
      ).filter((entry) => entry.teamId === team);
      expect(mine).toHaveLength(1);
      return mine;
    }, 10_000);
    expect(entries[0].payload).toMatchObject({ timeMs: 1_310, timing: 'stopwatch' });
  });

  it('asks for the stopwatch when the finish controller was just switched on (kk)', async () => {
    const page = await tablet.signIn('kk');
    await openCategory(page, 'Лабиринт 3–4');
    const team = tablet.olympiad.teams.maze[2];
    await page.locator('.queue__team', { hasText: tablet.olympiad.teamNames.maze[2] }).click();
    await run(page, '1-әрекетке дайын', venueWifi, 0);
    await page
      .getByText(/Екі қақпаның сағаттарын әзірге салыстыру мүмкін емес/)
      .waitFor({ timeout: 10_000 });
    await page.getByLabel('Уақыт', { exact: true }).fill('0:01.27');
    await saveScreenshot(page, 'judge-cross-device-run-manual-kk');
    await page.getByRole('button', { name: 'Әрекетті растау' }).click();
    const entries = await eventually(async () => {
      const mine = (
        await ledgerOf(tablet.venue, tablet.olympiad.organiser, tablet.olympiad.categories.maze)
      ).filter((entry) => entry.teamId === team);
      expect(mine).toHaveLength(1);
      return mine;
    }, 10_000);
    expect(entries[0].payload).toMatchObject({ timeMs: 1_270, timing: 'stopwatch' });
  });
});
