import type { AuditEntry } from '@olympiad/contracts';
import { t, type Lang, type MessageKey } from '@olympiad/i18n';
import * as fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { auditRows } from '../support/audit-record';
import { startVenue, type Venue } from '../support/start-venue';
import {
  createMazeStage,
  judgeToken,
  organiserToken,
  type StageFixture,
} from '../support/venue-api';
import { launchChromium, saveScreenshot } from './support/chromium';
import { openStageTab, signedInConsole } from './support/console-page';

/**
 * After a disputed day the organiser opens a team's card, taps "History" and reads, from the
 * console alone, who changed what and when for that team: the Activity tab filtered to it, in
 * Kazakh and in Russian, narrowed further by what was done, and exported as CSV (docs/audit.md).
 */
describe('console: the Activity view filtered to one team', () => {
  let venue: Venue;
  let browser: Browser;
  let page: Page;
  let organiser: string;
  let stage: StageFixture;
  let teamName: string;
  let teamRows: AuditEntry[];

  const as = (token: string) => ({
    post: (path: string, body: object = {}) =>
      request(venue.url).post(path).set('Authorization', `Bearer ${token}`).send(body),
    patch: (path: string, body: object) =>
      request(venue.url).patch(path).set('Authorization', `Bearer ${token}`).send(body),
  });
  const rows = () => page.locator('.activity__row');

  /** The team's card on the Teams tab, then its History button. */
  const openHistory = async (lang: Lang) => {
    await openStageTab(page, venue.url, stage.stageId, 'console.stage.tab.teams', lang);
    await page
      .getByRole('button', { name: t(lang, 'console.activity.historyOf', { name: teamName }) })
      .click();
    await page.getByText(t(lang, 'console.activity.historyOf', { name: teamName })).waitFor();
    await page.getByTestId('activity-count').waitFor();
  };

  beforeAll(async () => {
    venue = await startVenue();
    organiser = await organiserToken(venue);
    stage = await createMazeStage(venue, organiser, { teams: 2 });
    const [team, other] = stage.teamIds;
    const headJudge = await judgeToken(venue, stage.stageCode, stage.headJudge.pin);
    // A day's worth of changes to this team, and to others around it.
    await as(headJudge).post(`/api/teams/${team}/check-in`, { checkedIn: true }).expect(200);
    await as(organiser).patch(`/api/teams/${team}`, { status: 'withdrawn' }).expect(200);
    await as(headJudge).patch(`/api/teams/${team}`, { status: 'active' }).expect(200);
    await as(organiser).patch(`/api/teams/${other}`, { status: 'absent' }).expect(200);
    await as(headJudge).post(`/api/categories/${stage.categoryId}/lock`).expect(200);
    const teams = (
      await request(venue.url)
        .get(`/api/stages/${stage.stageId}/teams`)
        .set('Authorization', `Bearer ${organiser}`)
        .expect(200)
    ).body as { id: string; name: string }[];
    teamName = teams.find((candidate) => candidate.id === team)?.name ?? '';
    teamRows = await auditRows(venue, organiser, { objectKind: 'team', objectId: team });
    browser = await launchChromium();
    page = await signedInConsole(browser, venue.url);
  });
  afterAll(async () => {
    await browser?.close();
    await venue?.stop();
  });

  it('shows only that team’s rows, newest first, with who did it and what changed (Kazakh)', async () => {
    await openHistory('kk');
    expect(await rows().count()).toBe(teamRows.length);
    expect(
      await rows().evaluateAll((items) => items.map((item) => item.getAttribute('data-action'))),
    ).toEqual(teamRows.map((row) => row.action));
    for (const row of await rows().all()) expect(await row.textContent()).toContain(teamName);
    // The withdrawal, in words: the status from taking part to withdrawn, by the organiser.
    const status = (from: string, to: string) =>
      `${t('kk', 'audit.field.status')}: ${t('kk', `console.teams.status.${from}` as MessageKey)} → ${t('kk', `console.teams.status.${to}` as MessageKey)}`;
    const withdrawal = rows().filter({ hasText: status('active', 'withdrawn') });
    expect(await withdrawal.count()).toBe(1);
    expect(await withdrawal.textContent()).toContain(t('kk', 'audit.action.team.status'));
    expect(await withdrawal.textContent()).toContain('organiser');
    // The head judge's reinstatement, by name.
    const reinstated = rows().filter({ hasText: status('withdrawn', 'active') });
    expect(await reinstated.count()).toBe(1);
    expect(await reinstated.textContent()).toContain('Гүлнар');
    await saveScreenshot(page, 'console-activity-team-kk');
  });

  it('narrows the team’s history to one kind of action, and shows everything again on request (Russian)', async () => {
    await openHistory('ru');
    expect(await rows().count()).toBe(teamRows.length);
    await page.getByLabel(t('ru', 'console.activity.what')).selectOption('team.checkIn');
    await page.getByText(t('ru', 'console.activity.count', { count: 1 })).waitFor();
    expect(await rows().count()).toBe(1);
    expect(await rows().first().textContent()).toContain(t('ru', 'audit.action.team.checkIn'));
    await saveScreenshot(page, 'console-activity-team-checkin-ru');

    await page.getByLabel(t('ru', 'console.activity.what')).selectOption('');
    await page.getByRole('button', { name: t('ru', 'console.activity.showAll') }).click();
    const everything = await auditRows(venue, organiser, { stageId: stage.stageId });
    await page.getByText(t('ru', 'console.activity.count', { count: everything.length })).waitFor();
    expect(
      await rows()
        .filter({ hasText: t('ru', 'audit.action.category.lock') })
        .count(),
    ).toBe(1);
    await saveScreenshot(page, 'console-activity-stage-ru');
  });

  it('exports the team’s history as CSV: the same rows, and says when the file is saved', async () => {
    await openHistory('ru');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: t('ru', 'console.activity.exportCsv') }).click(),
    ]);
    const csv = fs.readFileSync(await download.path(), 'utf8');
    const lines = csv.trim().split('\r\n');
    expect(lines).toHaveLength(teamRows.length + 1);
    expect(lines.slice(1).map((line) => line.split(';')[5])).toEqual(
      teamRows.map((row) => row.action),
    );
    await page.getByText(t('ru', 'console.activity.exported', { file: 'activity.csv' })).waitFor();
  });
});
