import { t, type Lang, type MessageKey } from '@olympiad/i18n';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { createRegionalStage, type RegionalStage } from '../support/regional-stage';
import type { Venue } from '../support/start-venue';
import { judgeToken, mazeAttempt, organiserToken } from '../support/venue-api';
import { browserVenue } from './support/browser-venue';
import { launchChromium, openInNewContext, saveScreenshot } from './support/chromium';
import { openStageTab, signedInConsole } from './support/console-page';

/**
 * Every mode of the qualification rules on the console's qualification tab
 * (docs/qualification-rules.md): top N, top %, a threshold (a time at most), a wildcard with its
 * reason; the rule entered is the one the public qualifiers list states.
 */
describe('console qualification tab: every mode of the rules', () => {
  let venue: Venue;
  let browser: Browser;
  let page: Page;
  let token: string;
  let stage: RegionalStage;
  let maze: string;
  let republicId: string;
  const contexts: BrowserContext[] = [];
  const auth = () => ({ Authorization: `Bearer ${token}` });
  const post = (url: string, body: object) =>
    request(venue.url).post(url).set(auth()).send(body).expect(201);
  const row = (team: string) => page.getByRole('row').filter({ hasText: team });
  const goesOn = (lang: Lang, team: string, yes: boolean) =>
    row(team)
      .getByText(
        t(lang, yes ? 'console.qualification.qualified' : 'console.qualification.notQualified'),
        { exact: true },
      )
      .waitFor();
  const check = (lang: Lang) =>
    page.getByRole('button', { name: t(lang, 'console.qualification.check') }).click();
  const qualifiedRows = (lang: Lang) =>
    page.getByText(t(lang, 'console.qualification.qualified'), { exact: true }).count();
  const choose = (lang: Lang, key: MessageKey) =>
    page.getByRole('radio', { name: t(lang, key) }).click();

  beforeAll(async () => {
    venue = await browserVenue();
    token = await organiserToken(venue);
    stage = await createRegionalStage(venue, token);
    maze = stage.categories['Лабиринт 3–4'];
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
    const times: [string, number][] = [
      ['Барыс', 45_000],
      ['Қыран', 48_000],
      ['Шағала', 52_000],
      ['Бүркіт', 60_000],
    ];
    const teams: Record<string, string> = {};
    for (const [name] of times) {
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
    const setStatus = (id: string, status: string) =>
      request(venue.url).patch(`/api/stages/${id}`).set(auth()).send({ status }).expect(200);
    await setStatus(stage.stageId, 'live');
    const judgeAuth = {
      Authorization: `Bearer ${await judgeToken(venue, stage.stageCode, judge.pin)}`,
    };
    for (const [name, time] of times)
      await request(venue.url)
        .post('/api/ledger')
        .set(judgeAuth)
        .send(mazeAttempt({ categoryId: maze }, teams[name], 1, time))
        .expect(201);
    await setStatus(stage.stageId, 'closed');
    browser = await launchChromium();
    page = await signedInConsole(browser, venue.url);
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await venue?.stop();
  });

  it('chooses by top N, then by top %, and says the rule in words', async () => {
    await openStageTab(page, venue.url, stage.stageId, 'console.stage.tab.qualification');
    await page.getByLabel(t('kk', 'console.qualification.topN')).fill('2');
    await check('kk');
    await goesOn('kk', 'Барыс', true);
    await goesOn('kk', 'Қыран', true);
    await goesOn('kk', 'Шағала', false);
    expect(await qualifiedRows('kk')).toBe(2);

    await choose('kk', 'console.qualification.mode.topPercent');
    await page.getByLabel(t('kk', 'console.qualification.topPercent')).fill('75');
    await page.getByText('үздік 75 %, әр санат пен жас тобында').waitFor();
    await check('kk');
    // 4 teams took part: 75 % is 3 places.
    await goesOn('kk', 'Шағала', true);
    await goesOn('kk', 'Бүркіт', false);
    expect(await qualifiedRows('kk')).toBe(3);
  });

  it('holds every qualifier to a time at most, refusing a time it cannot read, and takes a wildcard', async () => {
    await choose('kk', 'console.qualification.mode.topN');
    await page.getByLabel(t('kk', 'console.qualification.topN')).fill('4');
    await page.getByLabel(t('kk', 'console.qualification.threshold')).selectOption('max-primary');
    const time = page.getByLabel(t('kk', 'console.qualification.maxTime'));
    await time.fill('бір минут');
    await page.getByText(t('kk', 'console.qualification.badTime')).waitFor();
    expect(
      await page.getByRole('button', { name: t('kk', 'console.qualification.check') }).isDisabled(),
    ).toBe(true);
    await time.fill('0:50');
    await page.getByText('уақыты 0:50.00 аспайды').waitFor();
    await saveScreenshot(page, 'console-qualification-modes-kk-rule');
    await check('kk');
    await goesOn('kk', 'Барыс', true);
    await goesOn('kk', 'Қыран', true);
    await goesOn('kk', 'Шағала', false);
    await row('Шағала')
      .getByText(t('kk', 'scoring.qualification.belowThreshold', { place: 3 }))
      .waitFor();

    await row('Шағала')
      .getByLabel(t('kk', 'console.qualification.wildcardReason'))
      .fill('Ең жас команда');
    await row('Шағала')
      .getByRole('button', { name: t('kk', 'console.qualification.addWildcard') })
      .click();
    await goesOn('kk', 'Шағала', true);
    await saveScreenshot(page, 'console-qualification-modes-kk');

    await page
      .getByRole('button', { name: t('kk', 'console.qualification.enter', { count: 3 }) })
      .click();
    await page
      .getByText(t('kk', 'console.qualification.entered', { count: 3, already: 0 }))
      .waitFor();

    await request(venue.url).post(`/api/categories/${maze}/publish`).set(auth()).expect(200);
    await request(venue.url)
      .patch(`/api/stages/${republicId}`)
      .set(auth())
      .send({ status: 'live' })
      .expect(200);
    const listed = (
      await request(venue.url).get(`/api/public/stages/${stage.stageCode}/qualifiers`).expect(200)
    ).body as { team: string; reason: string; rule: { en: string } | null }[];
    expect(listed.map((entry) => entry.team).sort()).toEqual(['Барыс', 'Қыран', 'Шағала'].sort());
    expect(listed.find((entry) => entry.team === 'Шағала')?.reason).toBe('wildcard');
    expect(listed[0].rule?.en).toBe(
      'top 4 places, per category and age group, time at most 0:50.00',
    );

    // A phone on the public page reads the rule above the qualifiers.
    const phone = await openInNewContext(
      browser,
      'phone',
      `${venue.url}/s/${stage.stageCode}?lang=ru`,
      contexts,
    );
    await phone
      .getByText('первые 4 места, в каждой категории и возрастной группе, время не больше 0:50.00')
      .scrollIntoViewIfNeeded();
    expect(
      await phone.getByRole('heading', { name: t('ru', 'board.qualifiers.title') }).count(),
    ).toBe(1);
    await saveScreenshot(phone, 'leaderboard-qualifiers-rule-ru');
  });

  it('reads the same in Russian: top % and a threshold of places in the results', async () => {
    await openStageTab(page, venue.url, stage.stageId, 'console.stage.tab.qualification', 'ru');
    await choose('ru', 'console.qualification.mode.topPercent');
    await page.getByLabel(t('ru', 'console.qualification.topPercent')).fill('50');
    await page.getByLabel(t('ru', 'console.qualification.threshold')).selectOption('ranked');
    await page.getByLabel(t('ru', 'console.qualification.perAgeGroup')).uncheck();
    await page.getByText('лучшие 50 %, в каждой категории, с местом в итогах').waitFor();
    await check('ru');
    await goesOn('ru', 'Барыс', true);
    await goesOn('ru', 'Қыран', true);
    await goesOn('ru', 'Шағала', false);
    expect(await qualifiedRows('ru')).toBe(2);
    await saveScreenshot(page, 'console-qualification-modes-ru');
  });
});
