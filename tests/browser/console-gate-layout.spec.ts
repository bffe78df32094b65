import { t, type Lang } from '@olympiad/i18n';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import type { Venue } from '../support/start-venue';
import { organiserToken } from '../support/venue-api';
import { browserVenue } from './support/browser-venue';
import { launchChromium, saveScreenshot } from './support/chromium';
import { openStageTab, signedInConsole } from './support/console-page';

/**
 * A maze table with two controllers: the organiser names the start gate and the finish gate on
 * the console's Fields tab (docs/sensor-contract.md#gate-layout), and can go back to one
 * controller doing both. Screenshots in kk and ru.
 */
describe('organiser console: start and finish gates on two controllers', () => {
  let venue: Venue;
  let browser: Browser;
  let page: Page;
  let organiser: string;
  let stageId: string;
  let fieldId: string;

  beforeAll(async () => {
    venue = await browserVenue();
    organiser = await organiserToken(venue);
    const api = (route: string, body: object) =>
      request(venue.url).post(route).set('Authorization', `Bearer ${organiser}`).send(body);
    const olympiad = (
      await api('/api/olympiads', { name: 'R:ED FEST 2026', season: '2026' }).expect(201)
    ).body;
    const stage = (
      await api('/api/stages', {
        olympiadId: olympiad.id,
        kind: 'regional',
        regionCode: 'aktobe',
        name: 'Ақтөбе облыстық кезеңі',
        startsOn: '2026-12-05',
        endsOn: '2026-12-06',
      }).expect(201)
    ).body;
    stageId = stage.id;
    fieldId = (
      await api('/api/fields', { stageId, name: 'Лабиринт үстелі 1', discipline: 'maze' }).expect(
        201,
      )
    ).body.id;
    await api('/api/devices', { id: 'table-1-start', fieldId, label: 'Старт' }).expect(201);
    await api('/api/devices', { id: 'table-1-finish', fieldId, label: 'Мәре' }).expect(201);
    browser = await launchChromium();
    page = await signedInConsole(browser, venue.url);
  });
  afterAll(async () => {
    await page?.context().close();
    await browser?.close();
    await venue?.stop();
  });

  const storedField = async () =>
    (
      await request(venue.url)
        .get(`/api/stages/${stageId}/fields`)
        .set('Authorization', `Bearer ${organiser}`)
        .expect(200)
    ).body.find((field: { id: string }) => field.id === fieldId);

  async function pickGates(lang: Lang, start: string, finish: string) {
    const form = page.getByRole('form', { name: t(lang, 'console.fields.gates') });
    await form.getByLabel(t(lang, 'console.fields.startDevice')).selectOption(start);
    await form.getByLabel(t(lang, 'console.fields.finishDevice')).selectOption(finish);
    await form.getByRole('button', { name: t(lang, 'console.fields.saveGates') }).click();
    await form.getByText(t(lang, 'console.fields.gatesSaved')).waitFor();
  }

  it('names the start and the finish controller (kk)', async () => {
    await openStageTab(page, venue.url, stageId, 'console.stage.tab.fields', 'kk');
    const form = page.getByRole('form', { name: t('kk', 'console.fields.gates') });
    // By default one controller does both, and there is nothing to save yet.
    expect(await form.getByLabel(t('kk', 'console.fields.startDevice')).inputValue()).toBe('');
    expect(
      await form.getByRole('button', { name: t('kk', 'console.fields.saveGates') }).isDisabled(),
    ).toBe(true);
    await pickGates('kk', 'table-1-start', 'table-1-finish');
    expect(await storedField()).toMatchObject({
      startDeviceId: 'table-1-start',
      finishDeviceId: 'table-1-finish',
    });
    await saveScreenshot(page, 'console-gate-layout-kk');
  });

  it('keeps half a layout from being saved, and goes back to one controller (ru)', async () => {
    await openStageTab(page, venue.url, stageId, 'console.stage.tab.fields', 'ru');
    const form = page.getByRole('form', { name: t('ru', 'console.fields.gates') });
    expect(await form.getByLabel(t('ru', 'console.fields.finishDevice')).inputValue()).toBe(
      'table-1-finish',
    );
    await form.getByLabel(t('ru', 'console.fields.finishDevice')).selectOption('');
    expect(
      await form.getByRole('button', { name: t('ru', 'console.fields.saveGates') }).isDisabled(),
    ).toBe(true);
    await form
      .getByRole('button', { name: t('ru', 'console.fields.saveGates') })
      .scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'console-gate-layout-ru');
    await pickGates('ru', '', '');
    expect(await storedField()).toMatchObject({ startDeviceId: null, finishDeviceId: null });
  });
});
