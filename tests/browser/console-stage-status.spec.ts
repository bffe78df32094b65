import type { StageSummary } from '@olympiad/contracts';
import { t, type MessageKey } from '@olympiad/i18n';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { startVenue, type Venue } from '../support/start-venue';
import { createMazeStage, organiserToken } from '../support/venue-api';
import { launchChromium, saveScreenshot } from './support/chromium';
import { signedInConsole } from './support/console-page';

const T = (key: MessageKey) => t('kk', key);

/**
 * The stage page's status control: draft → live with one tap, live → closed only on a second tap
 * (closing makes the results final for qualification). Each change is the stage's PATCH, whose
 * answer the test venue checks against the route table's schema.
 */
describe('console: the organiser opens a stage, then closes it on a second tap', () => {
  let venue: Venue;
  let browser: Browser;
  let page: Page;
  let token: string;
  let stageId: string;

  const storedStatus = async () =>
    (
      (
        await request(venue.url)
          .get(`/api/stages/${stageId}`)
          .set('Authorization', `Bearer ${token}`)
          .expect(200)
      ).body as StageSummary
    ).status;
  const statusTag = (status: StageSummary['status']) =>
    page.locator(`.stage-head .tag--${status}`).getByText(T(`stage.status.${status}`));

  beforeAll(async () => {
    venue = await startVenue();
    token = await organiserToken(venue);
    ({ stageId } = await createMazeStage(venue, token, { teams: 1 }));
    browser = await launchChromium();
    page = await signedInConsole(browser, venue.url);
    await page.goto(`${venue.url}/console/stages/${stageId}`);
  });
  afterAll(async () => {
    await browser?.close();
    await venue?.stop();
  });

  it('makes a draft stage live with one tap', async () => {
    await statusTag('draft').waitFor();
    await page.getByRole('button', { name: T('console.stage.makeLive') }).click();
    await statusTag('live').waitFor();
    expect(await storedStatus()).toBe('live');
  });

  it('asks for a second tap before closing, then closes', async () => {
    await page.getByRole('button', { name: T('console.stage.close') }).click();
    const confirm = page.getByRole('button', { name: T('console.stage.closeConfirm') });
    await confirm.waitFor();
    expect(await storedStatus()).toBe('live');
    await saveScreenshot(page, 'console-stage-close-confirm-kk');

    await confirm.click();
    await statusTag('closed').waitFor();
    expect(await storedStatus()).toBe('closed');
    expect(await page.getByRole('button', { name: T('console.stage.close') }).count()).toBe(0);
    await saveScreenshot(page, 'console-stage-closed-kk');
  });
});
