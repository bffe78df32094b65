import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startVenue, type Venue } from '../support/start-venue';
import { judgeToken } from '../support/venue-api';
import { launchChromium, newContext, saveScreenshot } from './support/chromium';
import {
  confirmRun,
  seedLeaderboardStage,
  type LeaderboardStage,
} from './support/leaderboard-stage';

/**
 * docs/deploy.md#silent-rooms on the real hall screen: its room stops delivering deltas (as a
 * replica's Redis subscription can, with no error) and no entry follows the lost one, so there is
 * no gap to see; the room's beacon says the stored version is ahead and the screen catches up.
 */
describe('the hall screen in a silent room', () => {
  let venue: Venue;
  let browser: Browser;
  let stage: LeaderboardStage;
  let judge: string;
  const contexts: BrowserContext[] = [];

  const topTeam = (page: Page) => page.locator('tbody tr').first().locator('.standings__team');

  beforeAll(async () => {
    venue = await startVenue({ env: { LIVE_BEACON_MS: '1000' } });
    browser = await launchChromium();
    stage = await seedLeaderboardStage(venue);
    judge = await judgeToken(venue, stage.stageCode, stage.judge.pin);
    await confirmRun(venue, judge, stage.categoryId, stage.teamIds[0], 61_000);
    await confirmRun(venue, judge, stage.categoryId, stage.teamIds[1], 55_500);
  });

  afterAll(async () => {
    await Promise.all(contexts.map((context) => context.close()));
    await browser?.close();
    await venue?.stop();
  });

  it('takes the stored standings when its room beacon is ahead, with no further entry to show a gap', async () => {
    const context = await newContext(browser, 'hall');
    contexts.push(context);
    const page = await context.newPage();
    let silent = false;
    let lost = 0;
    const sentByPage: string[] = [];
    await page.routeWebSocket(/\/socket\.io\//, (socket) => {
      const server = socket.connectToServer();
      server.onMessage((message) => {
        if (silent && String(message).includes('"standings:delta"')) {
          lost += 1; // the adapter delivers nothing more; beacons come from the replica itself
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
    await topTeam(page).filter({ hasText: 'Қыран 2' }).waitFor();

    silent = true;
    await confirmRun(venue, judge, stage.categoryId, stage.teamIds[2], 40_250);
    await topTeam(page).filter({ hasText: 'Қыран 3' }).waitFor({ timeout: 30_000 });

    expect(lost).toBeGreaterThan(0);
    expect(sentByPage.some((message) => message.includes('"resync"'))).toBe(true);
    // The row's climb is animated: the picture is taken once it has settled.
    await page.waitForFunction(() =>
      document.getAnimations().every((animation) => animation.playState !== 'running'),
    );
    await saveScreenshot(page, 'hall-silent-room-caught-up');
  });
});
