/**
 * Benchmark (not a test): the judge tablet's first load on a throttled 4 Mbit/s link, and the
 * production JS it downloads. Budget (docs/design.md#performance-budgets): JS ≤ 200 KB gzipped, first load
 * ≤ 2 s. Each run is a cold browser context (no cache, no service worker). The bare baseline in
 * the same run loads a 1-byte page from the same server over the same link, so the figure can be
 * read as a ratio to what the link and the server cost anyway.
 *
 * Build first (npx tsc -p apps/api/tsconfig.app.json; npx nx run judge:build), then:
 *   npx rolldown tests/perf/judge-first-load.bench.ts --file dist/perf/judge-first-load.bench.cjs \
 *     --format cjs --platform node --tsconfig tsconfig.base.json --external playwright-core \
 *     && node dist/perf/judge-first-load.bench.cjs
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, newContext } from '../browser/support/chromium';
import { startVenue } from '../support/start-venue';

const RUNS = 7;
const LINK = { offline: false, latency: 20, downloadThroughput: 4_000_000 / 8, uploadThroughput: 1_000_000 / 8 };
const DIST = path.resolve(__dirname, '..', '..', 'dist', 'apps', 'judge');

/** Raw and gzipped KB of the given built JS files (all of them when `only` is not given). */
function bundleSizes(only?: string[]): { files: number; rawKb: number; gzipKb: number } {
  const assets = path.join(DIST, 'assets');
  const js = fs.readdirSync(assets).filter((name) => name.endsWith('.js') && (!only || only.includes(name)));
  let raw = 0;
  let gzip = 0;
  for (const name of js) {
    const bytes = fs.readFileSync(path.join(assets, name));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { files: js.length, rawKb: raw / 1024, gzipKb: gzip / 1024 };
}

/** The scripts index.html loads before anything shows (the screens behind the sign-in load later). */
function entryScripts(): string[] {
  const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  return [...html.matchAll(/assets\/([\w.-]+\.js)/g)].map((match) => match[1]);
}

async function timedLoad(browser: Browser, url: string, ready: (page: Page) => Promise<unknown>): Promise<number> {
  const context = await newContext(browser, 'tablet');
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', LINK);
  const started = performance.now();
  await page.goto(url, { waitUntil: 'commit' });
  await ready(page);
  const elapsed = performance.now() - started;
  await context.close();
  return elapsed;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main(): Promise<void> {
  const sizes = bundleSizes();
  const entry = bundleSizes(entryScripts());
  const venue = await startVenue();
  const browser = await launchChromium();
  try {
    const bare: number[] = [];
    const judge: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      bare.push(await timedLoad(browser, `${venue.url}/api/health`, (page) => page.waitForLoadState('load')));
      judge.push(await timedLoad(browser, `${venue.url}/judge/`, (page) => page.locator('.keypad__key').first().waitFor()));
    }
    const row = (name: string, values: number[]) =>
      `${name.padEnd(34)} median ${median(values).toFixed(0).padStart(5)} ms   min ${Math.min(...values).toFixed(0).padStart(5)} ms   max ${Math.max(...values).toFixed(0).padStart(5)} ms`;
    console.log(`Judge tablet first load, ${RUNS} cold runs, link 4 Mbit/s down, 1 Mbit/s up, 20 ms latency`);
    console.log(`JS, all of the app: ${sizes.files} files, ${sizes.rawKb.toFixed(1)} KB raw, ${sizes.gzipKb.toFixed(1)} KB gzipped (budget 200 KB)`);
    console.log(`JS before the sign-in shows: ${entry.files} file(s), ${entry.rawKb.toFixed(1)} KB raw, ${entry.gzipKb.toFixed(1)} KB gzipped`);
    console.log(row('bare: a tiny JSON page', bare));
    console.log(row('judge app until the keypad shows', judge));
    console.log(`ratio to bare: ${(median(judge) / median(bare)).toFixed(1)}×; budget 2000 ms → ${median(judge) <= 2000 ? 'within' : 'OVER'}`);
  } finally {
    await browser.close();
    await venue.stop();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
