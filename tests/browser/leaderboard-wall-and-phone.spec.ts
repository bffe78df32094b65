import { t as translate, type Lang, type MessageKey } from '@olympiad/i18n';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { startVenue, type Venue } from '../support/start-venue';
import { judgeToken, mazeAttempt } from '../support/venue-api';
import { launchChromium, openInNewContext, saveScreenshot } from './support/chromium';
import { seedLeaderboardStage, type LeaderboardStage } from './support/leaderboard-stage';

const T = (lang: Lang, key: MessageKey, params?: Record<string, string | number>) =>
  translate(lang, key, params);

/** Names as real registrations write them: hyphenated, Kazakh letters, long school names. */
const TEAMS = [
  { name: 'Робо-Әлем', school: 'Лицей «Білім-Инновация»', timeMs: 41_000, timing: 'stopwatch' },
  {
    name: 'Кибер-Қазақ Жұлдыздары',
    school: 'Назарбаев Зияткерлік мектебі',
    timeMs: 56_838,
    timing: 'sensor',
  },
  { name: 'Лабиринт-Про', school: 'Школа-лицей №21', timeMs: 63_450, timing: 'stopwatch' },
] as const;

/**
 * The wall screens and the phone as the audience reads them: one way of writing a time within a
 * table (the finest precision any of its times has), no language switch on a wall display, a
 * column header that reads as words, and team names that break between words only on a phone.
 */
describe('leaderboard: wall display and phone', () => {
  let venue: Venue;
  let browser: Browser;
  let stage: LeaderboardStage;
  const teamIds: string[] = [];
  const contexts: BrowserContext[] = [];

  const open = (path: string, viewport: 'hall' | 'phone'): Promise<Page> =>
    openInNewContext(browser, viewport, `${venue.url}${path}`, contexts);

  beforeAll(async () => {
    venue = await startVenue();
    browser = await launchChromium();
    stage = await seedLeaderboardStage(venue);
    const auth = { Authorization: `Bearer ${stage.organiser}` };
    const judge = await judgeToken(venue, stage.stageCode, stage.judge.pin);
    for (const team of TEAMS) {
      const school = (
        await request(venue.url)
          .post('/api/schools')
          .set(auth)
          .send({ name: team.school, regionCode: 'aktobe' })
          .expect(201)
      ).body;
      const created = (
        await request(venue.url)
          .post('/api/teams')
          .set(auth)
          .send({
            stageId: stage.stageId,
            schoolId: school.id,
            categoryId: stage.categoryId,
            name: team.name,
            members: [{ name: 'Айгерім', grade: 4 }],
          })
          .expect(201)
      ).body;
      teamIds.push(created.id);
      await request(venue.url)
        .post('/api/ledger')
        .set('Authorization', `Bearer ${judge}`)
        .send(mazeAttempt(stage, created.id, 1, team.timeMs, { timing: team.timing }))
        .expect(201);
    }
  });

  afterAll(async () => {
    await Promise.all(contexts.map((context) => context.close()));
    await browser?.close();
    await venue?.stop();
  });

  const resultOf = (page: Page, teamId: string) =>
    page.locator(`tr[data-team="${teamId}"] .standings__result`).innerText();

  it('writes every time of a table alike: 0:41.000 beside 0:56.838 on the hall screen and the phone', async () => {
    const hall = await open(`/hall/${stage.stageCode}?every=600&lang=kk`, 'hall');
    await hall.locator(`tr[data-team="${teamIds[1]}"]`).waitFor();
    expect(await resultOf(hall, teamIds[0])).toBe('0:41.000');
    expect(await resultOf(hall, teamIds[1])).toBe('0:56.838');
    expect(await resultOf(hall, teamIds[2])).toBe('1:03.450');
    const phone = await open(`/s/${stage.stageCode}?lang=ru`, 'phone');
    await phone.locator(`tr[data-team="${teamIds[1]}"]`).waitFor();
    expect(await resultOf(phone, teamIds[0])).toBe('0:41.000');
    expect(await resultOf(phone, teamIds[1])).toBe('0:56.838');
  });

  it('shows no language switch on the hall screen or a paired display: the language comes from the address or the console', async () => {
    const hall = await open(`/hall/${stage.stageCode}?every=600&lang=ru`, 'hall');
    await hall.getByText(T('ru', 'board.table.place')).first().waitFor();
    expect(await hall.getByRole('group', { name: T('ru', 'language.label') }).count()).toBe(0);

    const display = await open('/display', 'hall');
    const code = await display.getByTestId('pairing-code').innerText();
    await request(venue.url)
      .post('/api/displays/claim')
      .set('Authorization', `Bearer ${stage.organiser}`)
      .send({
        code,
        name: 'Зал 2',
        stageCode: stage.stageCode,
        mode: 'hall',
        lang: 'kk',
        everySeconds: 600,
      })
      .expect(200);
    await display.getByText(T('kk', 'board.table.place')).first().waitFor();
    expect(await display.getByRole('group', { name: T('kk', 'language.label') }).count()).toBe(0);
  });

  it.each(['kk', 'ru'] as Lang[])(
    'gives the follow column of the phone table a header of its own, in %s',
    async (lang) => {
      const phone = await open(`/s/${stage.stageCode}?lang=${lang}`, 'phone');
      await phone.locator(`tr[data-team="${teamIds[0]}"]`).waitFor();
      const header = (await phone.locator('thead th.standings__follow').textContent())?.trim();
      expect(header).toBe(T(lang, 'board.table.follow'));
      expect(header).not.toMatch(/[{}]/);
    },
  );

  it.each(['kk', 'ru'] as Lang[])(
    'breaks team and school names between words only on a 390×844 phone, in %s',
    async (lang) => {
      const phone = await open(`/s/${stage.stageCode}?lang=${lang}`, 'phone');
      await phone.locator(`tr[data-team="${teamIds[2]}"]`).waitFor();
      // Every word (split on spaces only: "Робо-Әлем" is one word) lies on one line.
      const broken = await phone.evaluate(() => {
        const found: string[] = [];
        for (const element of Array.from(
          document.querySelectorAll('.standings__team, .standings__school'),
        )) {
          const text = element.textContent ?? '';
          const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
          const nodes: Text[] = [];
          while (walker.nextNode()) nodes.push(walker.currentNode as Text);
          for (const node of nodes) {
            for (const match of (node.textContent ?? '').matchAll(/\S+/g)) {
              const range = document.createRange();
              range.setStart(node, match.index ?? 0);
              range.setEnd(node, (match.index ?? 0) + match[0].length);
              const tops = new Set(
                Array.from(range.getClientRects())
                  .filter((rect) => rect.width > 0)
                  .map((rect) => Math.round(rect.top)),
              );
              if (tops.size > 1) found.push(`${match[0]} (in “${text}”)`);
            }
          }
        }
        return found;
      });
      expect(broken).toEqual([]);
      // The result column is as wide as its widest result (or its heading), no wider.
      const slack = await phone.evaluate(() => {
        const cells = Array.from(
          document.querySelectorAll<HTMLElement>('.standings .standings__result'),
        );
        const widest = Math.max(
          ...cells.map((cell) => {
            const range = document.createRange();
            range.selectNodeContents(cell);
            return range.getBoundingClientRect().width;
          }),
        );
        const cell = cells[0];
        const style = getComputedStyle(cell);
        const inner =
          cell.getBoundingClientRect().width -
          parseFloat(style.paddingLeft) -
          parseFloat(style.paddingRight);
        return inner - widest;
      });
      expect(slack).toBeLessThan(2);
      // Nothing is cut off or pushed past the page's edge: every cell, the follow star too, fits.
      const beyond = await phone.evaluate(() =>
        Array.from(document.querySelectorAll('.standings th, .standings td'))
          .filter(
            (cell) =>
              cell.getBoundingClientRect().right >
              (cell.closest('.standings')?.parentElement?.getBoundingClientRect().right ?? 0) + 0.5,
          )
          .map((cell) => cell.className || cell.tagName),
      );
      expect(beyond).toEqual([]);
      expect(
        await phone.evaluate(() => [
          document.documentElement.scrollWidth,
          document.documentElement.clientWidth,
          window.innerWidth,
        ]),
      ).toEqual([390, 390, 390]);
      await saveScreenshot(phone, `leaderboard-phone-names-390-${lang}`);
    },
  );
});
