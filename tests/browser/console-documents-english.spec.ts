import { t } from '@olympiad/i18n';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Venue } from '../support/start-venue';
import { browserVenue } from './support/browser-venue';
import { launchChromium, saveScreenshot } from './support/chromium';
import { openStageTab, signedInConsole } from './support/console-page';
import { createJudgeOlympiad, type JudgeOlympiad } from './support/judge-olympiad';

const T = (key: Parameters<typeof t>[1]) => t('kk', key);

/** The organiser asks for English as a third language of the protocol and the exports (README, "Documents in English"). */
describe('console: documents in English too', () => {
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

  const download = async (button: string) => {
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page
        .locator('section.ui-card', { has: page.getByLabel(T('console.results.languages')) })
        .getByRole('button', { name: button })
        .click(),
    ]);
    const saved = path.join(
      fs.mkdtempSync(path.join(os.tmpdir(), 'doc-')),
      file.suggestedFilename(),
    );
    await file.saveAs(saved);
    return saved;
  };

  it('writes the protocol and the CSV in Kazakh and Russian, and in English too when chosen', async () => {
    await openStageTab(page, venue.url, olympiad.stageId, 'console.stage.tab.results');
    await page.getByLabel(T('console.results.category')).selectOption(olympiad.categories.maze);
    const plain = execFileSync('pdftotext', [await download(T('console.results.protocol')), '-'], {
      encoding: 'utf8',
    });
    expect(plain).toContain('ХАТТАМА / ПРОТОКОЛ');
    expect(plain).not.toContain('RESULTS PROTOCOL');

    await page.getByLabel(T('console.results.languages')).selectOption('kk-ru-en');
    await saveScreenshot(page, 'console-documents-english-kk');
    const english = execFileSync(
      'pdftotext',
      [await download(T('console.results.protocol')), '-'],
      {
        encoding: 'utf8',
      },
    );
    expect(english).toContain('ХАТТАМА / ПРОТОКОЛ / RESULTS PROTOCOL');
    const csv = fs.readFileSync(await download(T('console.results.csv')), 'utf8');
    expect(csv.replace(/^\uFEFF/, '').split('\r\n')[0]).toContain('Орын / Место / Place');
  });
});
