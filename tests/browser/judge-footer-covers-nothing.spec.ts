import type { Locator } from 'playwright-core';
import { saveScreenshot, VIEWPORTS } from './support/chromium';
import { openCategory } from './support/judge-tablet-page';
import { judgeTabletSuite, withFieldGate } from './support/judge-tablet-suite';

/**
 * The action bar with Confirm (the judge screens' footer) must never lie over what the judge has
 * to see before confirming: the sumo verdict, the maze's sensor/stopwatch switch. Checked on a
 * 10" landscape tablet (1280×800) and a phone at every scroll position of the page, the bottom
 * included.
 */
/** The 10" tablet in landscape, and a phone, where every form is taller than the screen. */
const SIZES = ['tablet', 'phone'] as const;

describe('judge tablet: the action bar covers nothing', () => {
  const tablet = judgeTabletSuite({ lang: 'en' });

  /** The part of `target` the action bar lies over, in px², at the page's scroll positions from top to bottom. */
  async function coveredAtEveryScroll(
    target: Locator,
    bar: Locator,
  ): Promise<{ scrollY: number; overlap: number }[]> {
    const height = await tablet.page.evaluate(
      () => document.documentElement.scrollHeight - window.innerHeight,
    );
    const found: { scrollY: number; overlap: number }[] = [];
    for (let y = 0; y <= height + 100; y += 100) {
      const scrollY = await tablet.page.evaluate(
        (top) => {
          window.scrollTo(0, top);
          return window.scrollY;
        },
        Math.min(y, height),
      );
      const [a, b] = [await target.boundingBox(), await bar.boundingBox()];
      if (!a || !b) continue;
      const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
      const tall = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
      if (width > 0 && tall > 0) found.push({ scrollY, overlap: Math.round(width * tall) });
    }
    return found;
  }

  /** Buttons and switches of `form` that reach past its right edge (a row too wide for a phone). */
  function sticksOut(form: Locator): Promise<string[]> {
    return form.evaluate((element) => {
      const right = element.getBoundingClientRect().right;
      return Array.from(element.querySelectorAll('button'))
        .filter((button) => button.getBoundingClientRect().right > right + 0.5)
        .map((button) => button.textContent ?? '');
    });
  }

  it('leaves the sumo verdict in sight', async () => {
    await openCategory(tablet.page, 'Сумо 5–6');
    const panel = tablet.page.locator('.match-panel');
    await panel.waitFor();
    for (let i = 0; i < 2; i++)
      await panel.locator('.sumo-side--a').getByRole('button', { name: 'Point (yuko)' }).click();
    const verdict = panel.locator('.ui-banner', { hasText: /wins \(points\)/ });
    await verdict.waitFor();
    for (const size of SIZES) {
      await tablet.page.setViewportSize(VIEWPORTS[size]);
      expect({
        size,
        covered: await coveredAtEveryScroll(verdict, panel.locator('.actions')),
        outside: await sticksOut(panel),
      }).toEqual({ size, covered: [], outside: [] });
      await tablet.page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await saveScreenshot(tablet.page, `judge-sumo-verdict-bottom-${size}-en`);
    }
    await tablet.page.setViewportSize(VIEWPORTS.tablet);
  });

  it("leaves the maze's sensor/stopwatch switch in sight", async () => {
    await tablet.page.goto(`${tablet.venue.url}/judge/?lang=en`);
    await openCategory(tablet.page, 'Лабиринт 3–4');
    await withFieldGate(tablet.venue, tablet.olympiad, async (gate) => {
      await tablet.page.locator('.queue__team', { hasText: 'Барыс' }).click();
      await tablet.page.getByRole('button', { name: 'Ready for attempt 1' }).click();
      await tablet.page.getByText('Ready: waiting for the robot at the start gate…').waitFor();
      await gate.gate('start');
      await gate.gate('finish', 47_381_000);
    });
    const timeSwitch = tablet.page.getByRole('radiogroup', { name: 'Time from' });
    await timeSwitch.waitFor();
    for (const size of SIZES) {
      await tablet.page.setViewportSize(VIEWPORTS[size]);
      expect({
        size,
        covered: await coveredAtEveryScroll(timeSwitch, tablet.page.locator('.actions')),
        outside: await sticksOut(tablet.page.locator('.attempt-form')),
      }).toEqual({ size, covered: [], outside: [] });
      await tablet.page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await saveScreenshot(tablet.page, `judge-maze-switch-bottom-${size}-en`);
    }
  });
});
