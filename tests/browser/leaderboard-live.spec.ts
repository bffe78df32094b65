import type { Browser, BrowserContext, Page, WebSocket } from 'playwright-core';
import request from 'supertest';
import { startVenue, type Venue } from '../support/start-venue';
import { launchChromium, newContext, saveScreenshot } from './support/chromium';
import {
  confirmRun,
  freePort,
  headJudgeToken,
  seedLeaderboardStage,
  type LeaderboardStage,
} from './support/leaderboard-stage';
import { randomUUID } from 'node:crypto';
import { addMazeField, armRun, eventually } from '../support/field-fixture';
import { RawDevice } from '../support/raw-device';
import { judgeToken } from '../support/venue-api';

/**
 * The hall screen and the public view against the real venue in Debian's Chromium:
 * live updates within a second, a lost delta repaired by a snapshot, a server restart survived
 * without a reload, and the embargo checked on the Socket.IO frames a public client receives.
 */
describe('leaderboard live in Chromium', () => {
  let venue: Venue;
  let port: number;
  let browser: Browser;
  let stage: LeaderboardStage;
  let judge: string;
  let headJudge: string;
  const contexts: BrowserContext[] = [];

  /** Every Socket.IO frame the page received, as text. */
  function recordFrames(page: Page): string[] {
    const frames: string[] = [];
    page.on('websocket', (socket: WebSocket) => {
      socket.on('framereceived', (frame) => frames.push(String(frame.payload)));
    });
    return frames;
  }

  async function open(path: string, viewport: 'hall' | 'phone' = 'hall'): Promise<{ page: Page; frames: string[] }> {
    const context = await newContext(browser, viewport);
    contexts.push(context);
    const page = await context.newPage();
    const frames = recordFrames(page);
    await page.goto(`${venue.url}${path}`);
    return { page, frames };
  }

  const topTeam = (page: Page) => page.locator('tbody tr').first().locator('.standings__team');

  beforeAll(async () => {
    port = await freePort();
    venue = await startVenue({ port });
    browser = await launchChromium();
    stage = await seedLeaderboardStage(venue);
    judge = await judgeToken(venue, stage.stageCode, stage.judge.pin);
    headJudge = await headJudgeToken(venue, stage);
    await confirmRun(venue, judge, stage.categoryId, stage.teamIds[0], 61_000);
    await confirmRun(venue, judge, stage.categoryId, stage.teamIds[1], 55_500);
  });

  afterAll(async () => {
    await Promise.all(contexts.map((context) => context.close()));
    await browser?.close();
    await venue?.stop();
  });

  it('shows a judge-confirmed result on the hall screen within the same second, the row visibly climbing', async () => {
    const { page } = await open(`/hall/${stage.stageCode}?every=600`);
    await topTeam(page).filter({ hasText: 'Қыран 2' }).waitFor();
    const started = Date.now();
    await confirmRun(venue, judge, stage.categoryId, stage.teamIds[2], 40_250);
    await topTeam(page).filter({ hasText: 'Қыран 3' }).waitFor({ timeout: 5_000 });
    const shownAfterMs = Date.now() - started;
    expect(shownAfterMs).toBeLessThan(1_000);
    expect(await page.locator('tr.standings__row--climbed[data-team="' + stage.teamIds[2] + '"]').count()).toBe(1);
    await saveScreenshot(page, 'leaderboard-hall-climb-moving-1080-kk');
    await page.waitForTimeout(1_200); // the slide is over; the highlight stays a few seconds
    await saveScreenshot(page, 'leaderboard-hall-climb-1080-kk');
  });

  it('never sends an embargoed category to a public client, in the DOM or on the socket, until it is published', async () => {
    const hall = await open(`/hall/${stage.stageCode}?every=600`);
    const phone = await open(`/s/${stage.stageCode}`, 'phone');
    await topTeam(hall.page).waitFor();
    await phone.page.locator('tbody tr').first().waitFor();

    await confirmRun(venue, headJudge, stage.secret.categoryId, stage.secret.teamIds[0], 33_000);
    await confirmRun(venue, headJudge, stage.secret.categoryId, stage.secret.teamIds[1], 34_000);
    // A later public change on the same sockets: once it is shown, anything sent before it has arrived.
    await confirmRun(venue, judge, stage.categoryId, stage.teamIds[3], 70_000);
    await hall.page.locator(`tr[data-team="${stage.teamIds[3]}"]`).waitFor();
    await phone.page.locator(`tr[data-team="${stage.teamIds[3]}"]`).waitFor();

    for (const { page, frames } of [hall, phone]) {
      expect(frames.length).toBeGreaterThan(0);
      const leaked = frames.filter(
        (frame) => frame.includes(stage.secret.categoryId) || stage.secret.teamNames.some((name) => frame.includes(name)),
      );
      expect(leaked).toEqual([]);
      const text = await page.locator('body').innerText();
      for (const name of stage.secret.teamNames) expect(text).not.toContain(name);
      expect(text).not.toContain('Maze 5–6');
    }

    await request(venue.url)
      .post(`/api/categories/${stage.secret.categoryId}/publish`)
      .set('Authorization', `Bearer ${headJudge}`)
      .expect(200);
    await phone.page.getByRole('button', { name: /Maze 5–6/ }).click();
    await phone.page.locator('.standings__team', { hasText: stage.secret.teamNames[0] }).waitFor();
    expect(phone.frames.some((frame) => frame.includes(stage.secret.teamNames[0]))).toBe(true);
    await request(venue.url)
      .post(`/api/categories/${stage.secret.categoryId}/unpublish`)
      .set('Authorization', `Bearer ${headJudge}`)
      .expect(200);
  });

  it('repairs a dropped delta with a snapshot', async () => {
    const context = await newContext(browser, 'hall');
    contexts.push(context);
    const page = await context.newPage();
    let drop = true;
    const sentByPage: string[] = [];
    await page.routeWebSocket(/\/socket\.io\//, (socket) => {
      const server = socket.connectToServer();
      server.onMessage((message) => {
        if (drop && String(message).includes('"standings:delta"')) {
          drop = false; // lose exactly one delta on the way to the screen
          return;
        }
        socket.send(message);
      });
      socket.onMessage((message) => {
        sentByPage.push(String(message));
        server.send(message);
      });
    });
    await page.goto(`${venue.url}/hall/${stage.stageCode}?every=600`);
    await topTeam(page).filter({ hasText: 'Қыран 3' }).waitFor();

    await confirmRun(venue, judge, stage.categoryId, stage.teamIds[4], 39_000); // dropped
    await confirmRun(venue, judge, stage.categoryId, stage.teamIds[3], 38_000, 2); // reveals the gap
    await topTeam(page).filter({ hasText: 'Қыран 4' }).waitFor({ timeout: 5_000 });
    await page.locator('tbody tr').nth(1).locator('.standings__team', { hasText: 'Қыран 5' }).waitFor();
    expect(drop).toBe(false);
    expect(sentByPage.some((message) => message.includes('"resync"'))).toBe(true);
  });

  it('shows the run on the field with a running clock, for published categories only', async () => {
    const { page, frames } = await open(`/hall/${stage.stageCode}?every=600`);
    await topTeam(page).waitFor();
    const field = await addMazeField(venue, stage.organiser, stage, `gates-${randomUUID().slice(0, 8)}`);
    const gates = await RawDevice.connect(venue.mqttUrl ?? '', field.deviceId, field.secret);
    try {
      // An embargoed category's run: nothing of it reaches the public screen.
      await armRun(venue, headJudge, field.fieldId, { categoryId: stage.secret.categoryId, teamId: stage.secret.teamIds[2], attempt: 2 });
      await gates.publish(gates.gate('start', 1_000_000));
      await gates.publish(gates.gate('finish', 20_000_000));
      await eventually(async () => {
        const run = await request(venue.url).get(`/api/fields/${field.fieldId}/run`).set('Authorization', `Bearer ${judge}`).expect(200);
        expect(run.body.state).toBe('finished');
      });
      // A published one: the team and a clock that runs on the screen.
      await armRun(venue, judge, field.fieldId, { categoryId: stage.categoryId, teamId: stage.teamIds[1], attempt: 2 });
      await gates.publish(gates.gate('start', 30_000_000));
      const clock = page.locator('.field-now__run', { hasText: 'Қыран 2' }).locator('.field-now__clock[data-state="running"]');
      await clock.waitFor({ timeout: 5_000 });
      const first = await clock.innerText();
      await page.waitForFunction((before) => document.querySelector('.field-now__clock')?.textContent !== before, first);
      await saveScreenshot(page, 'leaderboard-hall-on-field-1080-kk');
      await gates.publish(gates.gate('finish', 72_351_400));
      await page.locator('.field-now__clock[data-state="finished"]', { hasText: '0:42.351' }).waitFor({ timeout: 5_000 });
      const leaked = frames.filter((frame) => stage.secret.teamNames.some((name) => frame.includes(name)) || frame.includes(stage.secret.categoryId));
      expect(leaked).toEqual([]);
    } finally {
      await gates.close();
    }
  });

  it('survives the server being killed and restarted: reconnects, resyncs, no reload', async () => {
    const { page } = await open(`/hall/${stage.stageCode}?every=600`);
    await topTeam(page).filter({ hasText: 'Қыран 4' }).waitFor();
    await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));

    await venue.kill();
    await page.locator('[data-connection="reconnecting"]').waitFor({ timeout: 10_000 });
    await saveScreenshot(page, 'leaderboard-hall-reconnecting-1080-kk');
    venue = await startVenue({ port, dataDir: venue.dataDir });
    await page.locator('[data-connection="reconnecting"]').waitFor({ state: 'detached', timeout: 15_000 });

    judge = await judgeToken(venue, stage.stageCode, stage.judge.pin);
    await confirmRun(venue, judge, stage.categoryId, stage.teamIds[0], 30_000, 2);
    await topTeam(page).filter({ hasText: 'Қыран 1' }).waitFor({ timeout: 5_000 });
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
  });
});
