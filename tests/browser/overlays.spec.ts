import { t as translate, type Lang, type MessageKey } from '@olympiad/i18n';
import { overlayPath, type OverlayParams } from '@olympiad/contracts';
import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { addMazeField, armRun, confirmFinishedRun, eventually } from '../support/field-fixture';
import { RawDevice } from '../support/raw-device';
import { publishedKnockoutSumo } from '../support/knockout-sumo';
import { startVenue, type Venue } from '../support/start-venue';
import { judgeToken, mazeAttempt } from '../support/venue-api';
import { launchChromium, openInNewContext, saveScreenshot } from './support/chromium';
import { openStageTab, signedInConsole } from './support/console-page';
import {
  confirmRun,
  seedLeaderboardStage,
  type LeaderboardStage,
} from './support/leaderboard-stage';
import {
  cornerAlphas,
  opaquePixels,
  overlayShot,
  saveOverCamera,
  scrolls,
} from './support/overlay-frame';

const T = (lang: Lang, key: MessageKey, params?: Record<string, string | number>) =>
  translate(lang, key, params);

/**
 * The OBS overlays (docs/results-display.md#overlays-for-obs): each a transparent 1920×1080 page
 * that follows the hall's rooms and embargo. A run timed by a field's gates and a sumo match
 * entered by a judge show up on them as they happen: provisional, then confirmed.
 */
describe('broadcast overlays', () => {
  let venue: Venue;
  let browser: Browser;
  let stage: LeaderboardStage;
  let judge: string;
  let sumo: { categoryId: string; judge: string };
  const contexts: BrowserContext[] = [];

  const organiser = () => ({ Authorization: `Bearer ${stage.organiser}` });
  const post = (url: string, body: object = {}) =>
    request(venue.url).post(url).set(organiser()).send(body);
  const open = async (
    params: Partial<OverlayParams> & Pick<OverlayParams, 'kind'>,
  ): Promise<Page> =>
    openInNewContext(
      browser,
      'hall',
      `${venue.url}${overlayPath({ stageCode: stage.stageCode, ...params })}`,
      contexts,
    );
  /** Transparent around the panels, no scrollbar; then saved over a camera picture to look at. */
  const checkFrame = async (page: Page, name: string) => {
    expect(await scrolls(page)).toBe(false);
    const shot = await overlayShot(page);
    expect(cornerAlphas(shot)).toEqual([0, 0, 0, 0]);
    expect(opaquePixels(shot)).toBeGreaterThan(0);
    await saveOverCamera(browser, shot, name);
  };

  beforeAll(async () => {
    venue = await startVenue();
    browser = await launchChromium();
    stage = await seedLeaderboardStage(venue);
    judge = await judgeToken(venue, stage.stageCode, stage.judge.pin);
    for (const [index, time] of [100_000, 105_000, 110_000].entries())
      await confirmRun(venue, judge, stage.categoryId, stage.teamIds[index], time);

    const category = await publishedKnockoutSumo(venue, stage.organiser, stage.stageId);
    const sumoJudge = (
      await post('/api/judges', {
        stageId: stage.stageId,
        name: 'Сумо төрешісі',
        role: 'judge',
        categoryIds: [category.id],
        fieldIds: [],
      }).expect(201)
    ).body;
    sumo = {
      categoryId: category.id,
      judge: await judgeToken(venue, stage.stageCode, sumoJudge.pin),
    };
  });

  afterAll(async () => {
    await Promise.all(contexts.map((context) => context.close()));
    await browser?.close();
    await venue?.stop();
  });

  it('shows the top N of a category on a transparent frame, in Kazakh and in Russian', async () => {
    for (const lang of ['kk', 'ru'] as const) {
      const page = await open({ kind: 'standings', categoryId: stage.categoryId, lang, top: 3 });
      await page.locator('tbody tr').nth(2).waitFor();
      expect(await page.locator('tbody tr').count()).toBe(3);
      await page.getByText(T(lang, 'board.table.result')).waitFor();
      await checkFrame(page, `overlay-standings-${lang}`);
    }
  });

  it('keeps an unpublished category off the air until it is published', async () => {
    const page = await open({ kind: 'standings', categoryId: stage.secret.categoryId });
    const published = await open({ kind: 'standings', categoryId: stage.categoryId });
    // The same page with a published category has drawn its table: this one had the same time.
    await published.locator('tbody tr').first().waitFor();
    await page.locator('.overlay').waitFor();
    const shot = await overlayShot(page);
    expect(opaquePixels(shot)).toBe(0);
    const text = await page.locator('body').innerText();
    for (const name of stage.secret.teamNames) expect(text).not.toContain(name);

    await post(`/api/categories/${stage.secret.categoryId}/publish`).expect(200);
    try {
      await page.getByText(stage.secret.teamNames[0]).waitFor({ timeout: 10_000 });
    } finally {
      await post(`/api/categories/${stage.secret.categoryId}/unpublish`).expect(200);
    }
    await page.getByText(stage.secret.teamNames[0]).waitFor({ state: 'detached', timeout: 10_000 });
  });

  it('follows a run on a field: team and school, the gates’ time provisional, then the confirmed result', async () => {
    const team = stage.teamIds[3];
    const field = await addMazeField(
      venue,
      stage.organiser,
      stage,
      `gates-${randomUUID().slice(0, 8)}`,
    );
    const kk = await open({ kind: 'lower-third', fieldId: field.fieldId, lang: 'kk' });
    const ru = await open({ kind: 'lower-third', fieldId: field.fieldId, lang: 'ru' });
    const hall = await openInNewContext(
      browser,
      'hall',
      `${venue.url}/hall/${stage.stageCode}?every=600&lang=kk`,
      contexts,
    );
    await hall.locator('tbody tr').first().waitFor();
    await kk.locator('.overlay').waitFor();
    expect(opaquePixels(await overlayShot(kk))).toBe(0);

    await armRun(venue, judge, field.fieldId, {
      categoryId: stage.categoryId,
      teamId: team,
      attempt: 1,
    });
    const third = kk.locator('.lower-third');
    await third.locator('.lower-third__team', { hasText: 'Қыран 4' }).waitFor({ timeout: 5_000 });
    await third.locator('.lower-third__school', { hasText: 'Школа №21' }).waitFor();

    const gates = await RawDevice.connect(venue.mqttUrl as string, field.deviceId, field.secret);
    try {
      await gates.publish(gates.gate('start', 3_000_000));
      await kk.locator('.lower-third__clock[data-state="running"]').waitFor({ timeout: 5_000 });
      await gates.publish(gates.gate('finish', 3_000_000 + 107_981_000));
    } finally {
      await gates.close();
    }

    // The clock stops at the gates' time, the same on the overlay and the hall, marked provisional.
    for (const [page, lang] of [
      [kk, 'kk'],
      [ru, 'ru'],
    ] as const) {
      await page
        .locator('.lower-third__clock[data-state="provisional"]', { hasText: '1:47.981' })
        .waitFor({ timeout: 5_000 });
      await page.getByText(T(lang, 'board.hall.provisional')).waitFor();
      await checkFrame(page, `overlay-lower-third-provisional-${lang}`);
    }
    await hall
      .locator('.field-now__clock[data-state="finished"]', { hasText: '1:47.981' })
      .waitFor({ timeout: 5_000 });

    // The judge confirms it with one touch (+10 s): the overlay shows the result and its place.
    await confirmFinishedRun(
      venue,
      judge,
      field.fieldId,
      mazeAttempt(stage, team, 1, 107_981, { timing: 'sensor', touches: 1 }),
      T('kk', 'judge.maze.correctionReason'),
    );
    for (const [page, lang] of [
      [kk, 'kk'],
      [ru, 'ru'],
    ] as const) {
      await page
        .locator('.lower-third__clock[data-state="confirmed"]', { hasText: '1:57.981' })
        .waitFor({ timeout: 5_000 });
      await page.getByText(T(lang, 'board.awards.place', { place: 4 })).waitFor();
      expect(await page.getByText(T(lang, 'board.hall.provisional')).count()).toBe(0);
      await checkFrame(page, `overlay-lower-third-confirmed-${lang}`);
    }
    // Freed by the judge, the run stays on air until the next team is armed.
    await request(venue.url)
      .delete(`/api/fields/${field.fieldId}/runs/current`)
      .set('Authorization', `Bearer ${judge}`)
      .expect(200);
    await hall.locator('.field-now').waitFor({ state: 'detached', timeout: 5_000 });
    expect(await kk.locator('.lower-third__clock[data-state="confirmed"]').innerText()).toBe(
      '1:57.981',
    );
  });

  it('shows a sumo match’s score bug and the bracket as the judge enters the rounds', async () => {
    const bracket = async () =>
      (
        await request(venue.url)
          .get(`/api/public/categories/${sumo.categoryId}/bracket`)
          .expect(200)
      ).body as {
        matches: { id: string; a: string | null; b: string | null; status: string }[];
        teams: Record<string, { name: string }>;
      };
    const before = await bracket();
    const match = before.matches.find((m) => m.status === 'ready' && m.a && m.b);
    if (!match?.a || !match.b) throw new Error('the draw has no match ready');
    const [a, b] = [before.teams[match.a].name, before.teams[match.b].name];
    const enter = (events: object[]) =>
      request(venue.url)
        .post('/api/ledger')
        .set('Authorization', `Bearer ${sumo.judge}`)
        .send({
          id: randomUUID(),
          categoryId: sumo.categoryId,
          teamId: null,
          kind: 'sumo.match',
          payload: { matchId: match.id, a: match.a, b: match.b, events },
          recordedAt: new Date().toISOString(),
        })
        .expect(201);

    const bug = await open({ kind: 'score-bug', categoryId: sumo.categoryId, lang: 'kk' });
    const bugRu = await open({ kind: 'score-bug', categoryId: sumo.categoryId, lang: 'ru' });
    const board = await open({ kind: 'bracket', categoryId: sumo.categoryId, lang: 'ru' });
    const boardKk = await open({ kind: 'bracket', categoryId: sumo.categoryId, lang: 'kk' });
    await bug.locator('.score-bug__team', { hasText: a }).waitFor({ timeout: 10_000 });
    await board.locator('.bracket__match').first().waitFor({ timeout: 10_000 });
    await checkFrame(board, 'overlay-bracket-ru');

    // First round to A, a warning to B: the match is under way.
    await enter([
      { type: 'point', side: 'a' },
      { type: 'warning', side: 'b' },
    ]);
    const side = (name: 'a' | 'b') => bug.locator(`.score-bug__side[data-side="${name}"]`);
    await bug.locator('.score-bug[data-status="in-progress"]').waitFor({ timeout: 5_000 });
    await side('a').locator('.score-bug__points', { hasText: '1' }).waitFor();
    expect(await side('b').locator('.score-bug__points').innerText()).toBe('0');
    expect(await side('b').locator('.score-bug__warnings').innerText()).toBe('!');
    expect(await side('b').locator('.score-bug__team').innerText()).toBe(b);
    await checkFrame(bug, 'overlay-score-bug-kk');

    // Second round to A: A wins the match, marked on the bug and in the bracket.
    await enter([{ type: 'point', side: 'a' }]);
    await bug.locator('.score-bug[data-status="finished"]').waitFor({ timeout: 5_000 });
    await side('a').locator('.score-bug__points', { hasText: '2' }).waitFor();
    await bug.locator('.score-bug__side--won[data-side="a"]').waitFor();
    await board.locator('.bracket__team--won', { hasText: a }).waitFor({ timeout: 5_000 });
    await checkFrame(board, 'overlay-bracket-after-match-ru');
    await boardKk.locator('.bracket__team--won', { hasText: a }).waitFor({ timeout: 5_000 });
    await checkFrame(boardKk, 'overlay-bracket-after-match-kk');
    await bugRu.locator('.score-bug__side--won[data-side="a"]').waitFor({ timeout: 5_000 });
    await checkFrame(bugRu, 'overlay-score-bug-finished-ru');
  });

  it('shows the podium while the awards are revealed, place by place', async () => {
    const page = await open({ kind: 'podium', categoryId: stage.categoryId, lang: 'ru' });
    const kk = await open({ kind: 'podium', lang: 'kk' });
    await page.locator('.overlay').waitFor();
    expect(opaquePixels(await overlayShot(page))).toBe(0);
    const awards = (path: string, body: object = {}) =>
      post(`/api/categories/${stage.categoryId}/awards/${path}`, body);
    await awards('start', { podium: 3 }).expect(200);
    try {
      await awards('reveal').expect(200);
      await page.locator('.podium__step[data-place="3"]', { hasText: 'Қыран 3' }).waitFor();
      await page.getByText(T('ru', 'board.awards.place', { place: 3 })).waitFor();
      await awards('reveal').expect(200);
      await page.locator('.podium__step[data-place="2"]', { hasText: 'Қыран 2' }).waitFor();
      await page.waitForTimeout(800); // the step's entrance animation, before the screenshot
      await checkFrame(page, 'overlay-podium-ru');
      await kk.locator('.podium__step[data-place="2"]', { hasText: 'Қыран 2' }).waitFor();
      await kk.getByText(T('kk', 'board.awards.place', { place: 2 })).waitFor();
      await checkFrame(kk, 'overlay-podium-kk');
    } finally {
      await awards('end').expect(200);
    }
    await page.locator('.podium').waitFor({ state: 'detached', timeout: 5_000 });
  });

  it('lists the overlays on the console’s Screens tab with a copy button, a preview and each screen’s sound', async () => {
    // A hall screen paired to the stage, whose sound the organiser turns on.
    const screen = await openInNewContext(browser, 'hall', `${venue.url}/display`, contexts);
    const code = await screen.getByTestId('pairing-code').innerText();
    await post('/api/displays/claim', { code, name: 'Зал', stageCode: stage.stageCode }).expect(
      200,
    );

    const page = await signedInConsole(browser, venue.url);
    contexts.push(page.context());
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: venue.url,
    });
    await openStageTab(page, venue.url, stage.stageId, 'console.stage.tab.displays', 'ru');
    await page.getByRole('heading', { name: T('ru', 'console.overlays.title') }).waitFor();
    for (const kind of ['lower-third', 'score-bug', 'standings', 'bracket', 'podium'])
      await page.locator(`[data-overlay="${kind}"]`).waitFor();

    await page
      .getByLabel(T('ru', 'console.displays.lang'), { exact: true })
      .last()
      .selectOption('ru');
    await page.getByLabel(T('ru', 'console.overlays.rows')).fill('3');
    const standings = page.locator('[data-overlay="standings"]');
    await standings.getByRole('button', { name: T('ru', 'console.overlays.copy') }).click();
    await standings.getByRole('button', { name: T('ru', 'console.overlays.copied') }).waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(
      `${venue.url}${overlayPath({ kind: 'standings', stageCode: stage.stageCode, categoryId: stage.categoryId, lang: 'ru', top: 3, marginX: 96, marginY: 54 })}`,
    );
    // The address copied is the overlay itself: it opens and shows the three rows.
    const opened = await openInNewContext(browser, 'hall', copied, contexts);
    await opened.locator('tbody tr').nth(2).waitFor();
    expect(await opened.locator('tbody tr').count()).toBe(3);

    await standings.getByRole('button', { name: T('ru', 'console.overlays.preview') }).click();
    const preview = page.frameLocator('[data-overlay="standings"] iframe');
    await preview.locator('tbody tr').nth(2).waitFor();
    await preview.getByText(T('ru', 'board.table.result')).waitFor();
    await standings.scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'console-overlays-preview-ru');

    // Hall sound: off until turned on, then on with its volume, as the display's configuration.
    const sound = page.getByLabel(T('ru', 'console.displays.sound'));
    expect(await sound.isChecked()).toBe(false);
    await sound.check();
    await page.getByText(T('ru', 'console.displays.saved', { name: 'Зал' })).waitFor();
    await page.getByLabel(T('ru', 'console.displays.volume')).selectOption('50');
    const listed = async () =>
      (
        (await request(venue.url).get('/api/displays').set(organiser()).expect(200)).body as {
          name: string;
          config: { sound?: boolean; volume?: number };
        }[]
      ).find((display) => display.name === 'Зал');
    await eventually(async () =>
      expect((await listed())?.config).toMatchObject({ sound: true, volume: 50 }),
    );
  });
});
