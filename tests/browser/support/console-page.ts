import { t, type Lang, type MessageKey } from '@olympiad/i18n';
import type { Browser, Page } from 'playwright-core';
import { TEST_ADMIN } from '../../support/start-venue';
import { newContext } from './chromium';

/** A page on a tablet with the organiser's console open in Kazakh and signed in as the test organiser. */
export async function signedInConsole(browser: Browser, url: string): Promise<Page> {
  const page = await (await newContext(browser, 'tablet')).newPage();
  page.setDefaultTimeout(10_000);
  await page.goto(`${url}/console/?lang=kk`);
  await page.getByLabel(t('kk', 'console.username')).fill(TEST_ADMIN.username);
  await page.getByLabel(t('kk', 'console.password')).fill(TEST_ADMIN.password);
  await page.getByRole('button', { name: t('kk', 'common.signIn'), exact: true }).click();
  await page.getByRole('heading', { name: t('kk', 'console.olympiads.title') }).waitFor();
  return page;
}

/**
 * Opens a stage in the console on one of its tabs (`console.stage.tab.*`); with `lang`, in that
 * language (without, in the language the console already has).
 */
export async function openStageTab(
  page: Page,
  url: string,
  stageId: string,
  tab: MessageKey,
  lang?: Lang,
): Promise<void> {
  await page.goto(`${url}/console/stages/${stageId}${lang ? `?lang=${lang}` : ''}`);
  await page.getByRole('button', { name: t(lang ?? 'kk', tab) }).click();
}
