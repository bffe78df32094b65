import * as fs from 'node:fs';
import * as path from 'node:path';
import { t, type Lang, type MessageKey } from '@olympiad/i18n';
import * as iconv from 'iconv-lite';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { createRegionalStage, type RegionalStage } from '../support/regional-stage';
import type { Venue } from '../support/start-venue';
import { organiserToken } from '../support/venue-api';
import { browserVenue } from './support/browser-venue';
import { launchChromium, saveScreenshot } from './support/chromium';
import { openStageTab, signedInConsole } from './support/console-page';

/**
 * An organiser imports the CSV a region sent, saved by Russian-locale Excel (Windows-1251, every
 * Kazakh letter Ә Ғ Қ Ң Ө Ұ Ү Һ turned into "?"), with one region misspelt: the preview lists each
 * damaged cell by row and column, says how to save the table again, offers the region the
 * misspelling is near, and only the clean rows can be imported (docs/registration-import.md).
 */
const FIXTURE = path.join(
  __dirname,
  '..',
  'fixtures',
  'registration',
  'excel-ru-lost-kazakh-letters-1251.csv',
);
const MISSPELT_ROW = 'Сокол;Школа №5;Актюбинскя обл.;Хромтау;Лабиринт;Ким Олег;Олег Ким;3;;\r\n';
const FILE = Buffer.concat([fs.readFileSync(FIXTURE), iconv.encode(MISSPELT_ROW, 'win1251')]);
/** Cells of the fixture where a Kazakh letter became "?" (tests/api/registration-encodings.spec.ts lists them). */
const DAMAGED_CELLS = 11;

describe('console import: a CSV that lost its Kazakh letters, and a misspelt region', () => {
  let venue: Venue;
  let browser: Browser;
  let page: Page;
  let stage: RegionalStage;
  let token: string;

  beforeAll(async () => {
    venue = await browserVenue();
    token = await organiserToken(venue);
    stage = await createRegionalStage(venue, token);
    browser = await launchChromium();
    page = await signedInConsole(browser, venue.url);
  });

  afterAll(async () => {
    await page?.context().close();
    await browser?.close();
    await venue?.stop();
  });

  async function preview(lang: Lang) {
    const T = (key: MessageKey, params?: Record<string, string | number>) => t(lang, key, params);
    await openStageTab(page, venue.url, stage.stageId, 'console.stage.tab.teams', lang);
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'Ақтөбе-тіркеу.csv', mimeType: 'text/csv', buffer: FILE });
    await page.getByText(T('console.import.lostLetters', { count: DAMAGED_CELLS })).waitFor();
    const problems = page.locator('.problems-table tbody tr');
    const lost = problems.filter({ hasText: T('registration.problem.lostKazakhLetters') });
    expect(await lost.count()).toBe(DAMAGED_CELLS);
    expect(await lost.nth(0).innerText()).toMatch(/^2\s+Название команды\s+/);
    expect(await lost.nth(0).locator('.cell-value').innerText()).toBe('?ыран');
    // Every "?" that stands for a letter is marked in the value column.
    expect(await lost.nth(0).locator('.cell-value mark').allInnerTexts()).toEqual(['?']);
    expect(await lost.nth(1).locator('.cell-value mark').count()).toBe(4);
    const near = problems.filter({
      hasText: T('registration.problem.unknownRegionNear', {
        value: 'Актюбинскя обл.',
        suggestion: 'Актюбинская область',
      }),
    });
    expect(await near.count()).toBe(1);
    expect(await near.innerText()).toMatch(/^8\s+Область\s+/);
    await page
      .getByText(T('console.import.lostLetters', { count: DAMAGED_CELLS }))
      .scrollIntoViewIfNeeded();
    await saveScreenshot(page, `console-import-lost-letters-${lang}`);
    await near.scrollIntoViewIfNeeded();
    await saveScreenshot(page, `console-import-region-suggestion-${lang}`);
    return T;
  }

  it('in Kazakh: lists the damaged cells by row and column, says how to save the file, and suggests the region', async () => {
    const T = await preview('kk');
    // Nothing is imported until the organiser agrees to leave the damaged rows out.
    expect(
      await page
        .getByRole('button', { name: T('console.import.confirm', { count: 2 }) })
        .isDisabled(),
    ).toBe(true);
  });

  it('in Russian: the same, and only the two clean rows can be imported', async () => {
    const T = await preview('ru');

    const importButton = page.getByRole('button', {
      name: T('console.import.confirm', { count: 2 }),
    });
    expect(await importButton.isDisabled()).toBe(true);
    await page.getByLabel(T('console.import.skipInvalid', { invalid: 5, valid: 2 })).check();
    await importButton.click();
    await page.getByText(T('console.import.done', { teams: 2, schools: 2 })).waitFor();
    const teams = (
      await request(venue.url)
        .get(`/api/stages/${stage.stageId}/teams`)
        .set('Authorization', `Bearer ${token}`)
        .expect(200)
    ).body as { name: string }[];
    expect(teams.map((team) => team.name).sort()).toEqual(['Барыс', 'Ёжики'].sort());
  });
});
