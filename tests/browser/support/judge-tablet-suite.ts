import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Venue } from '../../support/start-venue';
import { browserVenue } from './browser-venue';
import { launchChromium, type ViewportName } from './chromium';
import { createJudgeOlympiad, type JudgeOlympiad } from './judge-olympiad';
import { openCategory, signedInTablet } from './judge-tablet-page';
import { SimulatedGate } from './simulated-gate';

type Lang = 'kk' | 'ru' | 'en';

export interface JudgeTabletSuiteOptions {
  /** Said before the tablet signs in, after the olympiad is made (e.g. a category published). */
  prepare?: (venue: Venue, olympiad: JudgeOlympiad) => Promise<unknown>;
  /** The maze field's gate controller connected before the tablet signs in, closed after all. */
  gate?: boolean;
  /** The judge signed in before the tests (in `lang`, Kazakh unless told); false: a test calls `signIn()`. */
  signIn?: boolean;
  lang?: Lang;
  /** A category the signed-in tablet opens before the tests. */
  category?: string;
}

/** What a judge tablet suite set up, read once its `beforeAll` has run. */
export interface JudgeTabletSuite {
  readonly venue: Venue;
  readonly browser: Browser;
  readonly olympiad: JudgeOlympiad;
  readonly context: BrowserContext;
  readonly page: Page;
  readonly gate: SimulatedGate;
  /** Signs the judge in on a fresh tablet, which becomes the suite's `context` and `page`. */
  signIn(lang?: Lang, viewport?: ViewportName): Promise<Page>;
}

/**
 * The set-up the judge tablet specs share: a venue, Debian's Chromium and the judge olympiad
 * (tests/browser/support/judge-olympiad.ts), optionally a connected gate and a signed-in tablet on
 * an open category; all of it closed after the suite.
 */
export function judgeTabletSuite(options: JudgeTabletSuiteOptions = {}): JudgeTabletSuite {
  let venue: Venue | undefined;
  let browser: Browser | undefined;
  let olympiad: JudgeOlympiad | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  let gate: SimulatedGate | undefined;
  const ready = <T>(value: T | undefined, name: string): T => {
    if (value === undefined) throw new Error(`judgeTabletSuite: no ${name} (yet)`);
    return value;
  };

  const suite: JudgeTabletSuite = {
    get venue() {
      return ready(venue, 'venue');
    },
    get browser() {
      return ready(browser, 'browser');
    },
    get olympiad() {
      return ready(olympiad, 'olympiad');
    },
    get context() {
      return ready(context, 'tablet');
    },
    get page() {
      return ready(page, 'tablet');
    },
    get gate() {
      return ready(gate, 'gate');
    },
    async signIn(lang = options.lang ?? 'kk', viewport: ViewportName = 'tablet') {
      ({ context, page } = await signedInTablet(
        suite.browser,
        suite.venue.url,
        suite.olympiad.stageCode,
        suite.olympiad.judge.pin,
        lang,
        viewport,
      ));
      return page;
    },
  };

  beforeAll(async () => {
    venue = await browserVenue();
    browser = await launchChromium();
    olympiad = await createJudgeOlympiad(venue);
    await options.prepare?.(venue, olympiad);
    if (options.gate) {
      gate = await SimulatedGate.connect(
        venue.mqttUrl as string,
        olympiad.device.id,
        olympiad.device.secret,
      );
    }
    if (options.signIn !== false) {
      await suite.signIn();
      if (options.category) await openCategory(suite.page, options.category);
    }
  });

  afterAll(async () => {
    await gate?.close();
    await context?.close();
    await browser?.close();
    await venue?.stop();
  });

  return suite;
}

/** Connects the maze field's gate controller for `use` and closes it after, whatever happened. */
export async function withFieldGate<T>(
  venue: Venue,
  olympiad: JudgeOlympiad,
  use: (gate: SimulatedGate) => Promise<T>,
): Promise<T> {
  const gate = await SimulatedGate.connect(
    venue.mqttUrl as string,
    olympiad.device.id,
    olympiad.device.secret,
  );
  try {
    return await use(gate);
  } finally {
    await gate.close();
  }
}

/**
 * On the maze screen with a team chosen: arms attempt 1 and lets the field's gate time a run that
 * finishes `finishUs` device microseconds after its start (`whileRunning` between the two).
 */
export async function armAndRunSensor(
  page: Page,
  venue: Venue,
  olympiad: JudgeOlympiad,
  finishUs: number,
  whileRunning?: () => Promise<void>,
): Promise<void> {
  await page.getByRole('button', { name: '1-әрекетке дайын' }).click();
  await withFieldGate(venue, olympiad, async (gate) => {
    await gate.gate('start');
    await whileRunning?.();
    await gate.gate('finish', finishUs);
  });
}
