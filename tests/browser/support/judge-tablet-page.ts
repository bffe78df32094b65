import type { Browser, BrowserContext, Page } from 'playwright-core';
import { newContext, type ViewportName } from './chromium';

/** A tablet (landscape unless told) with the judge app open and signed in with the stage code and keypad PIN. */
export async function signedInTablet(
  browser: Browser,
  url: string,
  stageCode: string,
  pin: string,
  lang: 'kk' | 'ru' | 'en' = 'kk',
  viewport: ViewportName = 'tablet',
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(browser, viewport);
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  if (process.env['JUDGE_DEBUG']) {
    page.on('console', (message) => console.log(`[page] ${message.text()}`));
    page.on('response', (response) => {
      if (response.url().includes('/api/')) console.log(`[api] ${response.status()} ${response.request().method()} ${response.url()}`);
    });
  }
  await page.goto(`${url}/judge/?lang=${lang}`);
  await page.locator('.sign-in__code input').fill(stageCode);
  for (const digit of pin) await page.locator('.keypad__key', { hasText: new RegExp(`^${digit}$`) }).click();
  await page.locator('button[type="submit"]').click();
  await page.locator('#assignments-title').waitFor();
  return { context, page };
}

/** Waits until the service worker controls the page, so the app shell opens without a network. */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  if (!(await page.evaluate(() => Boolean(navigator.serviceWorker.controller)))) {
    await page.reload();
    await page.waitForFunction(() => Boolean(navigator.serviceWorker.controller));
  }
}

export function openCategory(page: Page, name: string): Promise<void> {
  return page.locator('.tile__link', { hasText: name }).click();
}
