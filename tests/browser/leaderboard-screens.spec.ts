import type { Browser, BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { startVenue, type Venue } from '../support/start-venue';
import { judgeToken } from '../support/venue-api';
import { launchChromium, newContext, saveScreenshot } from './support/chromium';
import { confirmRun, headJudgeToken, seedLeaderboardStage, type LeaderboardStage } from './support/leaderboard-stage';

/**
 * What the audience sees, looked at: the hall screen at 720p, 1080p and 4K in Kazakh and
 * Russian (or both in turn), the phone view following a team, the awards reveal, and a display
 * paired and re-pointed from the console without a reload. Screenshots go to tests/artifacts/.
 */
describe('leaderboard screens in Chromium', () => {
  let venue: Venue;
  let browser: Browser;
  let stage: LeaderboardStage;
  const contexts: BrowserContext[] = [];

  async function open(path: string, size: { width: number; height: number }, phone = false): Promise<Page> {
    const context = phone
      ? await newContext(browser, 'phone')
      : await browser.newContext({ viewport: size, deviceScaleFactor: 1, locale: 'en-US' });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${venue.url}${path}`);
    return page;
  }

  const organiser = () => ({ Authorization: `Bearer ${stage.organiser}` });
  const scrolls = (page: Page) =>
    page.evaluate(
      () =>
        document.documentElement.scrollHeight > window.innerHeight ||
        document.documentElement.scrollWidth > window.innerWidth,
    );
  const settle = (page: Page) => page.waitForTimeout(1_200); // the row animation, before a screenshot

  beforeAll(async () => {
    venue = await startVenue();
    browser = await launchChromium();
    stage = await seedLeaderboardStage(venue);
    const judge = await judgeToken(venue, stage.stageCode, stage.judge.pin);
    const times = [48_120, 52_300, 45_870, 61_020];
    for (const [index, time] of times.entries()) await confirmRun(venue, judge, stage.categoryId, stage.teamIds[index], time);
    const head = await headJudgeToken(venue, stage);
    const secretTimes = [31_500, 29_900, 35_250];
    for (const [index, time] of secretTimes.entries())
      await confirmRun(venue, head, stage.secret.categoryId, stage.secret.teamIds[index], time);
    // The olympiad's logo, as an organiser uploads it from the console.
    const logo = `<svg xmlns="http://www.w3.org/2000/svg" width="240" height="120" viewBox="0 0 240 120">
      <rect width="240" height="120" rx="20" fill="#0b5394"/><circle cx="60" cy="60" r="36" fill="#f1c232"/>
      <text x="110" y="75" font-family="sans-serif" font-size="40" font-weight="700" fill="#fff">ROBO</text></svg>`;
    await request(venue.url).post(`/api/olympiads/${stage.olympiadId}/logo`).set(organiser()).send({ data: Buffer.from(logo).toString('base64') }).expect(200);
  });

  afterAll(async () => {
    await Promise.all(contexts.map((context) => context.close()));
    await browser?.close();
    await venue?.stop();
  });

  it.each([
    ['720', { width: 1280, height: 720 }],
    ['1080', { width: 1920, height: 1080 }],
    ['2160', { width: 3840, height: 2160 }],
  ])('fills a %sp screen without scrolling, type scaled to the screen, in kk and ru', async (name, size) => {
    const page = await open(`/hall/${stage.stageCode}?every=600`, size);
    await page.locator('tbody tr').first().waitFor();
    expect(await scrolls(page)).toBe(false);
    const teamPx = await page.locator('.standings__team').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(teamPx / size.height).toBeGreaterThan(0.035); // ≈ 4 % of the screen height: readable from 10 m
    const logo = page.locator('img.hall__logo');
    await logo.waitFor();
    expect(await logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    await settle(page);
    await saveScreenshot(page, `leaderboard-hall-${name}-kk`);
    await page.goto(`${venue.url}/hall/${stage.stageCode}?every=600&lang=ru`);
    await page.getByText('Место').first().waitFor();
    await settle(page);
    await saveScreenshot(page, `leaderboard-hall-${name}-ru`);
  });

  it('alternates Kazakh and Russian with ?lang=kk+ru', async () => {
    const page = await open(`/hall/${stage.stageCode}?every=5&lang=kk+ru`, { width: 1920, height: 1080 });
    await page.getByText('Орын').first().waitFor();
    await page.getByText('Место').first().waitFor({ timeout: 8_000 });
    // The whole screen turned: no Kazakh column title is left beside the Russian one.
    expect(await page.getByText('Орын', { exact: true }).count()).toBe(0);
  });

  it('lets a phone follow a team: a 48 px star, and the team pinned above the table, in kk and ru', async () => {
    const page = await open(`/s/${stage.stageCode}`, { width: 390, height: 844 }, true);
    await page.locator('tbody tr').first().waitFor();
    const star = page.locator(`tr[data-team="${stage.teamIds[1]}"] .follow-button`);
    const box = await star.boundingBox();
    expect(box?.width).toBeGreaterThanOrEqual(48);
    expect(box?.height).toBeGreaterThanOrEqual(48);
    await star.click();
    await page.locator('.following', { hasText: 'Қыран 2' }).waitFor();
    await page.locator('.following', { hasText: '3-орын' }).waitFor();
    await saveScreenshot(page, 'leaderboard-stage-follow-phone-kk');
    await page.reload();
    await page.locator('.following', { hasText: 'Қыран 2' }).waitFor();
    await page.getByRole('button', { name: 'Русский' }).click();
    await page.locator('.following', { hasText: '3 место' }).waitFor();
    await saveScreenshot(page, 'leaderboard-stage-follow-phone-ru');
  });

  it('reveals the podium place by place: the public never receives a place before it is revealed', async () => {
    const hall = await open(`/hall/${stage.stageCode}?every=600`, { width: 1920, height: 1080 });
    const phone = await open(`/s/${stage.stageCode}`, { width: 390, height: 844 }, true);
    const phoneFrames: string[] = [];
    phone.on('websocket', (socket) => socket.on('framereceived', (frame) => phoneFrames.push(String(frame.payload))));
    await phone.reload();
    await hall.locator('tbody tr').first().waitFor();
    await phone.locator('tbody tr').first().waitFor();
    const [third, first, second] = stage.secret.teamNames; // times 31.5 s, 29.9 s, 35.25 s → places 2, 1, 3
    const api = (path: string) => request(venue.url).post(`/api/categories/${stage.secret.categoryId}/awards/${path}`).set(organiser());

    expect((await api('reveal').expect(409)).body.key).toBe('awards.notStarted');
    expect((await api('start').send({ podium: 0 }).expect(400)).body.key).toBe('errors.validation');
    const asJudge = await request(venue.url)
      .post(`/api/categories/${stage.secret.categoryId}/awards/start`)
      .set('Authorization', `Bearer ${await judgeToken(venue, stage.stageCode, stage.judge.pin)}`)
      .send({});
    expect(asJudge.status).toBe(403);
    await api('start').send({ podium: 3 }).expect(200);
    await hall.locator('.podium__step--hidden').waitFor();
    const afterStart = (await api('reveal').expect(200)).body;
    expect(afterStart.revealed.map((step: { place: number }) => step.place)).toEqual([3]);
    await hall.locator('.podium__step[data-place="3"]', { hasText: second }).waitFor();
    await phone.locator('.awards-card .podium__step[data-place="3"]', { hasText: second }).waitFor();
    await saveScreenshot(hall, 'leaderboard-hall-awards-third-1080-kk');
    await saveScreenshot(phone, 'leaderboard-stage-awards-phone-kk');
    const early = phoneFrames.filter((frame) => frame.includes(first) || frame.includes(third));
    expect(early).toEqual([]);
    expect(await hall.locator('body').innerText()).not.toContain(first);

    await api('reveal').expect(200);
    const last = (await api('reveal').expect(200)).body;
    expect(last.revealed.map((step: { place: number }) => step.place)).toEqual([3, 2, 1]);
    await hall.locator('.podium__step[data-place="1"]', { hasText: first }).waitFor();
    await settle(hall);
    await saveScreenshot(hall, 'leaderboard-hall-awards-all-1080-kk');
    const refused = await api('reveal').expect(409);
    expect(refused.body.key).toBe('awards.allRevealed');
    await api('end').expect(200);
    await hall.locator('.podium').waitFor({ state: 'detached' });
  });

  it('shows a published sumo playoff as a bracket on the hall screen', async () => {
    const post = (url: string, body: object = {}) => request(venue.url).post(url).set(organiser()).send(body);
    const category = (
      await post('/api/categories', {
        stageId: stage.stageId,
        discipline: 'sumo',
        ageGroup: { label: '3–4', minGrade: 3, maxGrade: 4 },
        name: 'Сумо 3–4',
        preset: 'sumo-default',
      }).expect(201)
    ).body;
    const params = await request(venue.url)
      .patch(`/api/categories/${category.id}/params`)
      .set(organiser())
      .send({ params: { tournament: { ...category.ruleSet.params.tournament, format: 'single-elimination' } } });
    expect(params.status).toBe(200);
    const school = (await post('/api/schools', { name: 'Мектеп №9', regionCode: 'aktobe' }).expect(201)).body;
    for (const name of ['Арыстан', 'Барыс', 'Сұңқар', 'Тұлпар']) {
      await post('/api/teams', { stageId: stage.stageId, schoolId: school.id, categoryId: category.id, name, members: [{ name: 'Ержан', grade: 4 }] }).expect(201);
    }
    await post(`/api/categories/${category.id}/sumo/draw`, { seed: 7 }).expect(201);
    await post(`/api/categories/${category.id}/publish`).expect(200);

    const page = await open(`/hall/${stage.stageCode}?every=5`, { width: 1920, height: 1080 });
    await page.locator('.bracket').waitFor({ timeout: 20_000 });
    expect(await page.locator('.bracket__match').count()).toBeGreaterThanOrEqual(3);
    await page.getByText('Тұлпар').first().waitFor();
    expect(await scrolls(page)).toBe(false);
    await saveScreenshot(page, 'leaderboard-hall-sumo-bracket-1080-kk');
    await post(`/api/categories/${category.id}/unpublish`).expect(200);
  });

  it('pairs a display with a code from the console, and re-points it without a reload', async () => {
    const page = await open('/display', { width: 1280, height: 720 });
    const code = await page.getByTestId('pairing-code').innerText();
    expect(code).toMatch(/^[A-Z2-9]{6}$/);
    await saveScreenshot(page, 'leaderboard-display-pairing-720-kk');

    const wrong = await request(venue.url).post('/api/displays/claim').set(organiser()).send({ code: 'ZZZZZZ', name: 'x' });
    expect(wrong.status).toBe(404);
    expect(wrong.body.key).toBe('displays.codeUnknown');
    const malformed = await request(venue.url).post('/api/displays/claim').set(organiser()).send({ code: '12', name: '', mode: 'disco' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.key).toBe('errors.validation');
    const noStage = await request(venue.url).post('/api/displays/claim').set(organiser()).send({ code, name: 'Hall', stageCode: 'NOPE-1' });
    expect(noStage.status).toBe(400);
    expect(noStage.body.key).toBe('displays.stageUnknown');
    const anonymous = await request(venue.url).post('/api/displays/claim').send({ code, name: 'Hall' });
    expect(anonymous.status).toBe(401);

    const claimed = await request(venue.url)
      .post('/api/displays/claim')
      .set(organiser())
      .send({ code: code.toLowerCase(), name: 'Зал 1', stageCode: stage.stageCode, mode: 'hall', lang: 'ru', everySeconds: 600 })
      .expect(200);
    await page.getByText('Место').first().waitFor();
    await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));

    const list = (await request(venue.url).get('/api/displays').set(organiser()).expect(200)).body;
    const listed = list.find((display: { id: string }) => display.id === claimed.body.id);
    expect(listed).toMatchObject({ name: 'Зал 1', paired: true, online: true, code: null });
    expect(typeof listed.lastSeenAt).toBe('string');

    await request(venue.url).patch(`/api/displays/${claimed.body.id}`).set(organiser()).send({ lang: 'kk' }).expect(200);
    await page.getByText('Орын').first().waitFor();
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
    await page.reload();
    await page.getByText('Орын').first().waitFor();
    await settle(page);
    await saveScreenshot(page, 'leaderboard-display-hall-720-kk');

    await request(venue.url).delete(`/api/displays/${claimed.body.id}`).set(organiser()).expect(204);
    await page.getByTestId('pairing-code').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('pairing-code').innerText()).not.toBe(code);
  });
});
