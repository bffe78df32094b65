import { parseResultTime } from '@olympiad/scoring';
import { saveScreenshot } from './support/chromium';
import { openCategory } from './support/judge-tablet-page';
import { judgeTabletSuite } from './support/judge-tablet-suite';

/**
 * A sumo match in progress survives a reload of the tablet (or a crash of the tab): the score,
 * the warnings and the match clock, which went on running meanwhile as the match on the ring did
 * (docs/judge-tablet.md). Once the match is confirmed the tablet keeps nothing of it.
 */
describe('judge tablet: a sumo match survives a reload', () => {
  const tablet = judgeTabletSuite();

  const panel = () => tablet.page.locator('.match-panel');
  const clockMs = async () =>
    parseResultTime(await panel().locator('[data-testid="match-clock"]').innerText()) as number;
  /** The live matches this tablet keeps (read from IndexedDB, where the sumo screen keeps them). */
  const keptMatches = () =>
    tablet.page.evaluate(
      () =>
        new Promise<{ events: unknown[] }[]>((resolve, reject) => {
          const open = indexedDB.open('olympiad-judge-live');
          open.onerror = () => reject(open.error);
          open.onupgradeneeded = () =>
            open.result.createObjectStore('sumo-matches', { keyPath: 'key' });
          open.onsuccess = () => {
            const db = open.result;
            if (!db.objectStoreNames.contains('sumo-matches')) return resolve([]);
            const request = db.transaction('sumo-matches').objectStore('sumo-matches').getAll();
            request.onsuccess = () => {
              resolve(request.result as { events: unknown[] }[]);
              db.close();
            };
            request.onerror = () => reject(request.error);
          };
        }),
    );
  async function waitForKept(done: (kept: { events: unknown[] }[]) => boolean): Promise<void> {
    for (let i = 0; i < 100; i++) {
      if (done(await keptMatches())) return;
      await tablet.page.waitForTimeout(50);
    }
    throw new Error(
      `the tablet did not keep the expected match: ${JSON.stringify(await keptMatches())}`,
    );
  }

  it('restores the score, the warnings and a clock that went on running', async () => {
    await openCategory(tablet.page, 'Сумо 5–6');
    await panel().waitFor();
    const title = await panel().locator('h3').innerText();
    await panel().getByRole('button', { name: 'Старт белгісі' }).click();
    // The start delay is over when the clock counts the match time down.
    await panel().getByText('Қалған уақыт').waitFor({ timeout: 15_000 });
    await panel().locator('.sumo-side--a').getByRole('button', { name: 'Ұпай (юко)' }).click();
    await panel().locator('.sumo-side--b').getByRole('button', { name: 'Ескерту' }).click();
    await waitForKept((kept) => kept.length === 1 && kept[0].events.length === 2);
    const before = await clockMs();

    await tablet.page.reload();
    await panel().waitFor();
    expect(await panel().locator('h3').innerText()).toBe(title);
    expect(await panel().locator('[data-testid="points-a"]').innerText()).toBe('1');
    expect(await panel().locator('[data-testid="points-b"]').innerText()).toBe('0');
    await panel().locator('.sumo-side--b').getByText('1 ескерту').waitFor();
    // Still running, and it did not start again from the full match time.
    await panel().getByRole('button', { name: 'Кідірту' }).waitFor();
    expect(await clockMs()).toBeLessThanOrEqual(before);
    await saveScreenshot(tablet.page, 'sumo-after-reload-kk');

    await tablet.page.getByRole('button', { name: 'Русский' }).click();
    await tablet.page.reload();
    await panel().locator('.sumo-side--b').getByText('1 предупреждение').waitFor();
    expect(await panel().locator('[data-testid="points-a"]').innerText()).toBe('1');
    await panel().getByRole('button', { name: 'Пауза' }).waitFor();
    await saveScreenshot(tablet.page, 'sumo-after-reload-ru');
  });

  it('stops the clock at the verdict and forgets the match once it is confirmed', async () => {
    await panel().locator('.sumo-side--a').getByRole('button', { name: 'Очко (юко)' }).click();
    await panel()
      .getByText(/Победа: .* \(по очкам\)/)
      .waitFor();
    // The match is over: the clock stands still and cannot be started again.
    expect(await panel().getByRole('button', { name: 'Пауза' }).count()).toBe(0);
    expect(
      await panel()
        .locator('.match-clock button:not([disabled])', { hasText: /Продолжить|Сигнал старта/ })
        .count(),
    ).toBe(0);
    await panel().getByRole('button', { name: 'Подтвердить поединок' }).click();
    await waitForKept((kept) => kept.length === 0);
  });
});
