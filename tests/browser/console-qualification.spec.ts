import { t, type MessageKey } from '@olympiad/i18n';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { createRegionalStage, type RegionalStage } from '../support/regional-stage';
import type { Venue } from '../support/start-venue';
import { judgeToken, mazeAttempt, organiserToken } from '../support/venue-api';
import { browserVenue } from './support/browser-venue';
import { launchChromium, saveScreenshot } from './support/chromium';
import { openStageTab, signedInConsole } from './support/console-page';

const T = (key: MessageKey, params?: Record<string, string | number>) => t('kk', key, params);

/**
 * The qualification tab of a closed regional stage (docs/federation.md, qualification): the
 * rules' list with a reason per team, a wildcard with the organiser's reason, and one tap that
 * enters the qualifiers into the republic stage.
 */
describe('console qualification tab: from a closed regional stage into the republic stage', () => {
  let venue: Venue;
  let browser: Browser;
  let page: Page;
  let token: string;
  let stage: RegionalStage;
  let republicId: string;
  const auth = () => ({ Authorization: `Bearer ${token}` });
  const post = (url: string, body: object) =>
    request(venue.url).post(url).set(auth()).send(body).expect(201);

  beforeAll(async () => {
    venue = await browserVenue();
    token = await organiserToken(venue);
    stage = await createRegionalStage(venue, token);
    const maze = stage.categories['Лабиринт 3–4'];
    republicId = (
      await post('/api/stages', {
        olympiadId: stage.olympiadId,
        kind: 'republic',
        name: 'Республикалық кезең',
        startsOn: '2027-03-20',
        endsOn: '2027-03-21',
      })
    ).body.id;
    const school = (await post('/api/schools', { name: 'Ақтөбе №21 мектеп', regionCode: 'aktobe' }))
      .body;
    const teams: Record<string, string> = {};
    for (const name of ['Қыран', 'Шағала', 'Барыс', 'Бүркіт']) {
      teams[name] = (
        await post('/api/teams', {
          stageId: stage.stageId,
          schoolId: school.id,
          categoryId: maze,
          name,
          members: [{ name: `${name} Әлиев`, grade: 4 }],
        })
      ).body.id;
    }
    const judge = (
      await post('/api/judges', {
        stageId: stage.stageId,
        name: 'Асқар',
        role: 'judge',
        categoryIds: [maze],
      })
    ).body;
    const setStatus = (status: string) =>
      request(venue.url)
        .patch(`/api/stages/${stage.stageId}`)
        .set(auth())
        .send({ status })
        .expect(200);
    await setStatus('live');
    const judgeAuth = {
      Authorization: `Bearer ${await judgeToken(venue, stage.stageCode, judge.pin)}`,
    };
    const results: [string, number][] = [
      ['Барыс', 45_000],
      ['Қыран', 48_000],
      ['Шағала', 52_000],
      ['Бүркіт', 60_000],
    ];
    for (const [name, time] of results)
      await request(venue.url)
        .post('/api/ledger')
        .set(judgeAuth)
        .send(mazeAttempt({ categoryId: maze }, teams[name], 1, time))
        .expect(201);
    await setStatus('closed');
    browser = await launchChromium();
    page = await signedInConsole(browser, venue.url);
  });

  afterAll(async () => {
    await browser?.close();
    await venue?.stop();
  });

  it('lists the rules’ decision per team, takes a wildcard with its reason and enters the qualifiers once', async () => {
    await openStageTab(page, venue.url, stage.stageId, 'console.stage.tab.qualification');
    await page.getByLabel(T('console.qualification.topN')).fill('2');
    await page.getByRole('button', { name: T('console.qualification.check') }).click();
    const row = (team: string) => page.getByRole('row').filter({ hasText: team });
    await row('Барыс').getByText(T('console.qualification.qualified'), { exact: true }).waitFor();
    await row('Қыран').getByText(T('console.qualification.qualified'), { exact: true }).waitFor();
    await row('Шағала')
      .getByText(T('console.qualification.notQualified'), { exact: true })
      .waitFor();

    await row('Шағала')
      .getByLabel(T('console.qualification.wildcardReason'))
      .fill('Ең жас команда');
    await row('Шағала')
      .getByRole('button', { name: T('console.qualification.addWildcard') })
      .click();
    await row('Шағала').getByText(T('console.qualification.qualified'), { exact: true }).waitFor();
    await saveScreenshot(page, 'console-qualification-wildcard');

    await page
      .getByRole('button', { name: T('console.qualification.enter', { count: 3 }) })
      .click();
    await page.getByText(T('console.qualification.entered', { count: 3, already: 0 })).waitFor();
    await saveScreenshot(page, 'console-qualification-entered');

    const entries = (
      await request(venue.url)
        .get(`/api/stages/${republicId}/qualification/entries`)
        .set(auth())
        .expect(200)
    ).body as { team: string; reason: string; note: string }[];
    expect(entries.map((entry) => entry.team).sort()).toEqual(['Барыс', 'Қыран', 'Шағала'].sort());
    expect(entries.find((entry) => entry.team === 'Шағала')).toMatchObject({ reason: 'wildcard' });
    expect(entries.find((entry) => entry.team === 'Шағала')?.note).toContain('Ең жас команда');

    await page
      .getByRole('button', { name: T('console.qualification.enter', { count: 3 }) })
      .click();
    await page.getByText(T('console.qualification.entered', { count: 0, already: 3 })).waitFor();
  });
});
