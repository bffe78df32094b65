import { t } from '@olympiad/i18n';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import type { Venue } from '../support/start-venue';
import { browserVenue } from './support/browser-venue';
import { launchChromium, saveScreenshot } from './support/chromium';
import { openStageTab, signedInConsole } from './support/console-page';
import { createJudgeOlympiad, type JudgeOlympiad } from './support/judge-olympiad';

const T = (key: Parameters<typeof t>[1], params?: Record<string, string | number>) =>
  t('kk', key, params);

/** "Print score sheets" in the console (README, "Paper fallback"): the attempt's sheets made, then their PDF. */
describe('console: printing a maze attempt’s score sheets', () => {
  let venue: Venue;
  let browser: Browser;
  let olympiad: JudgeOlympiad;
  let page: Page;

  beforeAll(async () => {
    venue = await browserVenue();
    browser = await launchChromium();
    olympiad = await createJudgeOlympiad(venue);
    page = await signedInConsole(browser, venue.url);
  });
  afterAll(async () => {
    await browser?.close();
    await venue?.stop();
  });

  it('makes the sheets of the chosen attempt and downloads them as one PDF', async () => {
    await openStageTab(page, venue.url, olympiad.stageId, 'console.stage.tab.results');
    await page.getByLabel(T('console.results.category')).selectOption(olympiad.categories.maze);
    const panel = page.locator('section', {
      has: page.getByRole('heading', { name: T('console.scoreSheets.title') }),
    });
    await panel.getByLabel(T('console.scoreSheets.attempt')).selectOption('2');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      panel.getByRole('button', { name: T('console.scoreSheets.print') }).click(),
    ]);
    await panel.getByText(T('console.scoreSheets.ready', { count: 1 })).waitFor();
    await saveScreenshot(page, 'console-score-sheets-printed-kk');

    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sheets-')), 'sheets.pdf');
    await download.saveAs(file);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Әрекет / Попытка: 2');
    expect(text).toContain('Алаң 1');
    // The sheets the console made are the server's sheets of attempt 2, and only of attempt 2.
    const sheets = await request(venue.url)
      .post(`/api/categories/${olympiad.categories.maze}/score-sheets`)
      .set('Authorization', `Bearer ${olympiad.organiser}`)
      .send({ round: 2 })
      .expect(200);
    expect(text).toContain(`${sheets.body[0].code.slice(0, 5)}-${sheets.body[0].code.slice(5)}`);
    await request(venue.url)
      .get(`/api/categories/${olympiad.categories.maze}/score-sheets.pdf?round=1`)
      .set('Authorization', `Bearer ${olympiad.organiser}`)
      .expect(404);
  });
});
