import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium, never a downloaded browser. */
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export const VIEWPORTS = {
  /** A 10" tablet held in landscape. */
  tablet: { width: 1280, height: 800 },
  /** The same tablet in portrait. */
  tabletPortrait: { width: 800, height: 1280 },
  phone: { width: 390, height: 844 },
  /** A hall TV or projector. */
  hall: { width: 1920, height: 1080 },
} as const;

export type ViewportName = keyof typeof VIEWPORTS;

export const SCREENSHOT_DIR = path.resolve(__dirname, '..', '..', 'artifacts', 'screenshots');

/**
 * Debian's Chromium; `args` are added to the usual ones, `env` to the test's environment (e.g. a
 * HOME whose NSS database trusts a venue CA).
 */
export function launchChromium(
  options: { args?: string[]; env?: Record<string, string> } = {},
): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, ...(options.args ?? [])],
    env: options.env ? { ...process.env, ...options.env } : undefined,
  });
}

/** A fresh context (no stored language or sign-in) at a named viewport; touch on for tablet and phone. */
export function newContext(browser: Browser, viewport: ViewportName): Promise<BrowserContext> {
  return browser.newContext({
    viewport: VIEWPORTS[viewport],
    hasTouch: viewport !== 'hall',
    isMobile: viewport === 'phone',
    deviceScaleFactor: 1,
    locale: 'en-US',
  });
}

/** Opens `url` on a fresh context at a named viewport, added to `contexts` for the suite to close. */
export async function openInNewContext(
  browser: Browser,
  viewport: ViewportName,
  url: string,
  contexts: BrowserContext[],
): Promise<Page> {
  const context = await newContext(browser, viewport);
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

/** Saves tests/artifacts/screenshots/<name>.png (the viewport only, as a person sees it). */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}
