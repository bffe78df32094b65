import type { StaffAccount } from '@olympiad/contracts';
import { t, type Lang, type MessageKey } from '@olympiad/i18n';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import request from 'supertest';
import { startVenue, type Venue } from '../support/start-venue';
import { createMazeStage, organiserToken, type StageFixture } from '../support/venue-api';
import { launchChromium, newContext, saveScreenshot } from './support/chromium';
import { signedInConsole } from './support/console-page';

const COORDINATOR = {
  displayName: 'Айгерім Сапарова',
  username: 'aktobe-coord',
  password: 'aktobe-2026-coord',
};
const OBSERVER = {
  displayName: 'Марат Әлиев',
  username: 'ministry-observer',
  password: 'observer-2026-read',
};
const NEW_PASSWORD = 'aktobe-2026-changed';

/**
 * The stage tabs whose buttons change something (History is the one read action among them), each
 * with what shows once its lists are loaded, where the fixture has any.
 */
const WRITE_TABS: [MessageKey, string | null][] = [
  ['console.stage.tab.categories', '.category-card'],
  ['console.stage.tab.teams', '.team-row'],
  ['console.stage.tab.judges', 'text=Гүлнар'],
  ['console.stage.tab.fields', null],
  ['console.stage.tab.sumo', null],
  ['console.stage.tab.qualification', null],
  ['console.stage.tab.displays', null],
];

/**
 * A republic olympiad shares one console among regional coordinators and the ministry's observer
 * (docs/security.md#staff-accounts): the administrator creates their accounts on the Staff page;
 * a coordinator sees only the stage granted and nothing that belongs to no stage; the observer is
 * offered no change anywhere on a stage; a changed password and "sign out everywhere" end the
 * older sessions, whose next action lands on the sign-in.
 */
describe('console: staff accounts and what each role is offered', () => {
  let venue: Venue;
  let browser: Browser;
  let admin: Page;
  let organiser: string;
  let granted: StageFixture & { stageName: string };
  let otherStage: { id: string; name: string };
  const contexts: BrowserContext[] = [];

  /** A fresh tablet signed in with these credentials, in `lang`. */
  const signIn = async (who: { username: string; password: string }, lang: Lang) => {
    const context = await newContext(browser, 'tablet');
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(`${venue.url}/console/?lang=${lang}`);
    await page.getByLabel(t(lang, 'console.username')).fill(who.username);
    await page.getByLabel(t(lang, 'console.password')).fill(who.password);
    await page.getByRole('button', { name: t(lang, 'common.signIn'), exact: true }).click();
    await page.getByRole('heading', { name: t(lang, 'console.olympiads.title') }).waitFor();
    return page;
  };
  const storedSession = (page: Page) =>
    page.evaluate(() => window.localStorage.getItem('olympiad.console.session'));
  const signInHeading = (page: Page, lang: Lang) =>
    page.getByRole('heading', { name: t(lang, 'console.signIn.title') });

  const createAccount = async (
    who: { displayName: string; username: string; password: string },
    role: 'coordinator' | 'observer',
  ) => {
    await admin.getByLabel(t('kk', 'console.staff.displayName')).fill(who.displayName);
    await admin.getByLabel(t('kk', 'console.username')).fill(who.username);
    await admin.getByLabel(t('kk', 'console.staff.firstPassword')).fill(who.password);
    await admin.getByRole('radio', { name: t('kk', `console.staff.role.${role}`) }).click();
    if (role === 'coordinator')
      await admin.getByRole('checkbox', { name: granted.stageName }).check();
    await admin.getByRole('button', { name: t('kk', 'console.staff.createButton') }).click();
    await admin.getByText(t('kk', 'console.staff.created', { name: who.displayName })).waitFor();
  };

  beforeAll(async () => {
    venue = await startVenue();
    organiser = await organiserToken(venue);
    const fixture = await createMazeStage(venue, organiser, { teams: 2 });
    const stage = (
      await request(venue.url)
        .get(`/api/stages/${fixture.stageId}`)
        .set('Authorization', `Bearer ${organiser}`)
        .expect(200)
    ).body as { name: string };
    granted = { ...fixture, stageName: stage.name };
    otherStage = (
      await request(venue.url)
        .post('/api/stages')
        .set('Authorization', `Bearer ${organiser}`)
        .send({
          olympiadId: fixture.olympiadId,
          kind: 'regional',
          regionCode: 'almaty',
          name: 'Almaty regional stage',
          startsOn: '2026-12-05',
          endsOn: '2026-12-06',
        })
        .expect(201)
    ).body;
    browser = await launchChromium();
    admin = await signedInConsole(browser, venue.url);
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await venue?.stop();
  });

  it('lets an administrator create a coordinator granted one of two stages, and an observer', async () => {
    await admin.getByRole('link', { name: t('kk', 'console.staff.title') }).click();
    await admin.getByRole('heading', { name: t('kk', 'console.staff.title') }).waitFor();
    // Both stages are offered for the grant.
    await admin.getByRole('radio', { name: t('kk', 'console.staff.role.coordinator') }).click();
    await admin.getByRole('checkbox', { name: otherStage.name }).waitFor();
    await admin.getByRole('checkbox', { name: otherStage.name }).scrollIntoViewIfNeeded();
    await saveScreenshot(admin, 'console-staff-create-kk');
    await createAccount(COORDINATOR, 'coordinator');
    await createAccount(OBSERVER, 'observer');

    const staff = (
      await request(venue.url)
        .get('/api/staff')
        .set('Authorization', `Bearer ${organiser}`)
        .expect(200)
    ).body as StaffAccount[];
    const byName = (username: string) => staff.find((account) => account.username === username);
    expect(byName(COORDINATOR.username)).toMatchObject({
      staffRole: 'coordinator',
      stageIds: [granted.stageId],
      active: true,
    });
    expect(byName(OBSERVER.username)).toMatchObject({
      staffRole: 'observer',
      stageIds: [],
      active: true,
    });

    const coordinatorCard = admin.locator('.staff-card', { hasText: COORDINATOR.displayName });
    expect(await coordinatorCard.textContent()).toContain(granted.stageName);
    expect(await coordinatorCard.textContent()).not.toContain(otherStage.name);
    await admin.evaluate(() => window.scrollTo(0, 0));
    await saveScreenshot(admin, 'console-staff-page-kk');
    await admin.goto(`${venue.url}/console/staff?lang=ru`);
    await admin.getByRole('heading', { name: t('ru', 'console.staff.title') }).waitFor();
    await admin.locator('.staff-card', { hasText: OBSERVER.displayName }).waitFor();
    await saveScreenshot(admin, 'console-staff-page-ru');
  });

  it('shows a coordinator only the stage granted, and neither the Staff page nor a new olympiad', async () => {
    for (const lang of ['kk', 'ru'] as const) {
      const page = await signIn(COORDINATOR, lang);
      await page.getByRole('button', { name: t(lang, 'console.stages.show') }).click();
      await page.getByRole('link', { name: granted.stageName }).waitFor();
      expect(await page.getByRole('link', { name: otherStage.name }).count()).toBe(0);
      expect(await page.getByRole('link', { name: t(lang, 'console.staff.title') }).count()).toBe(
        0,
      );
      expect(
        await page.getByRole('button', { name: t(lang, 'console.olympiads.submit') }).count(),
      ).toBe(0);
      await saveScreenshot(page, `console-staff-coordinator-${lang}`);

      // Their own stage, with its changes offered.
      await page.getByRole('link', { name: granted.stageName }).click();
      await page.getByRole('button', { name: t(lang, 'console.stage.makeLive') }).waitFor();
      expect(await page.getByText(t(lang, 'console.reach.readOnly')).count()).toBe(0);
      await page.locator('.category-card').first().waitFor();
      await saveScreenshot(page, `console-staff-coordinator-stage-${lang}`);

      // The Staff page's address leads back to the olympiads.
      await page.goto(`${venue.url}/console/staff?lang=${lang}`);
      await page.getByRole('heading', { name: t(lang, 'console.olympiads.title') }).waitFor();
      expect(
        await page.getByRole('heading', { name: t(lang, 'console.staff.title') }).count(),
      ).toBe(0);

      // Another stage's address: the server refuses, and the page says so.
      await page.goto(`${venue.url}/console/stages/${otherStage.id}?lang=${lang}`);
      await page.getByRole('alert').waitFor();
      expect(await page.getByRole('alert').textContent()).toBeTruthy();
      await page.getByText(t(lang, 'console.reach.notYourStage.detail')).waitFor();
      await saveScreenshot(page, `console-staff-coordinator-other-stage-${lang}`);
      expect(await page.getByRole('heading', { name: otherStage.name }).count()).toBe(0);
    }
  });

  it('offers the observer no enabled button that changes the stage, and says the account is read-only', async () => {
    const page = await signIn(OBSERVER, 'kk');
    await page.goto(`${venue.url}/console/stages/${granted.stageId}`);
    await page.getByRole('heading', { name: granted.stageName }).waitFor();
    expect(await page.getByText(t('kk', 'console.reach.readOnly')).count()).toBeGreaterThan(0);
    expect(
      await page.getByRole('button', { name: t('kk', 'console.stage.makeLive') }).count(),
    ).toBe(0);
    for (const [tab, loaded] of WRITE_TABS) {
      await page.getByRole('button', { name: t('kk', tab) }).click();
      if (loaded) await page.locator('.tab-panel').locator(loaded).first().waitFor();
      await page.waitForFunction(() => {
        const panel = document.querySelector('.tab-panel');
        return (
          panel !== null &&
          panel.childElementCount > 0 &&
          !panel.querySelector('.ui-banner--loading')
        );
      });
      const enabled = await page
        .locator('.tab-panel button:enabled')
        .evaluateAll((buttons) => buttons.map((button) => button.textContent ?? ''));
      const history = t('kk', 'console.activity.history');
      expect({ tab, enabled: enabled.filter((text) => text !== history) }).toEqual({
        tab,
        enabled: [],
      });
    }
    // Results: the documents are reads; locking the results is not offered.
    await page.getByRole('button', { name: t('kk', 'console.stage.tab.results') }).click();
    await page.getByText(t('kk', 'console.protests.none')).waitFor();
    expect(
      await page.getByRole('button', { name: t('kk', 'console.protests.lock') }).isDisabled(),
    ).toBe(true);
    await page.getByRole('button', { name: t('kk', 'console.stage.tab.teams') }).click();
    await page.locator('.team-row').first().scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'console-staff-observer-kk');

    // The republic's venues: read, with their link codes and unlinking not offered.
    await page.goto(`${venue.url}/console/venues?lang=kk`);
    await page.locator('.venue-card').first().waitFor();
    const venueButtons = await page
      .locator('.venues-page button:enabled')
      .evaluateAll((buttons) => buttons.map((button) => button.textContent ?? ''));
    expect(venueButtons.length).toBeGreaterThan(0);
    expect(venueButtons.every((text) => text === t('kk', 'console.venues.showConflicts'))).toBe(
      true,
    );
  });

  it('ends the other sessions when the password changes, and every session on "sign out everywhere"', async () => {
    const here = await signIn(COORDINATOR, 'ru');
    const elsewhere = await signIn(COORDINATOR, 'ru');

    await here
      .getByRole('link', { name: new RegExp(t('ru', 'console.staff.role.coordinator')) })
      .click();
    await here.getByLabel(t('ru', 'console.account.currentPassword')).fill(COORDINATOR.password);
    await here
      .getByLabel(t('ru', 'console.account.newPassword'), { exact: true })
      .fill(NEW_PASSWORD);
    await here.getByLabel(t('ru', 'console.account.repeatPassword')).fill(NEW_PASSWORD);
    await here
      .getByRole('button', { name: t('ru', 'console.account.changePassword'), exact: true })
      .click();
    await here.getByText(t('ru', 'console.account.passwordChanged')).waitFor();
    await saveScreenshot(here, 'console-staff-account-ru');

    // The other tablet's next action: its token has ended, so the sign-in, saying why.
    await elsewhere.getByRole('button', { name: t('ru', 'console.stages.show') }).click();
    await signInHeading(elsewhere, 'ru').waitFor();
    await elsewhere.getByText(t('ru', 'errors.unauthorized')).waitFor();
    expect(await storedSession(elsewhere)).toBeNull();

    // This tablet carries on with the new token; a second one signs in with the new password.
    await here.goto(`${venue.url}/console/stages/${granted.stageId}?lang=ru`);
    await here.getByRole('heading', { name: granted.stageName }).waitFor();
    const second = await signIn({ username: COORDINATOR.username, password: NEW_PASSWORD }, 'ru');

    await here.goto(`${venue.url}/console/account?lang=ru`);
    await here
      .getByRole('button', { name: t('ru', 'console.account.signOutEverywhere'), exact: true })
      .click();
    await here
      .getByRole('button', { name: t('ru', 'console.account.signOutEverywhereConfirm') })
      .click();
    await signInHeading(here, 'ru').waitFor();

    await second.getByRole('button', { name: t('ru', 'console.stages.show') }).click();
    await signInHeading(second, 'ru').waitFor();
    expect(await storedSession(second)).toBeNull();
    expect(await storedSession(here)).toBeNull();
  });
});
