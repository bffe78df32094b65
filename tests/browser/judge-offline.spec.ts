import request from 'supertest';
import { saveScreenshot } from './support/chromium';
import { ledgerOf } from './support/judge-olympiad';
import { openCategory, signedInTablet, waitForServiceWorker } from './support/judge-tablet-page';
import { judgeTabletSuite } from './support/judge-tablet-suite';

/**
 * The venue Wi-Fi drops: the judge goes on scoring every discipline, the tablet is reloaded twice
 * without a network, and when the connection returns every entry reaches the server exactly once.
 * An entry made offline on a category the head judge locked meanwhile is refused, handed to the
 * head judge's review queue, and accepted there.
 */
describe('judge tablet offline', () => {
  const tablet = judgeTabletSuite({ signIn: false });

  const back = () => tablet.page.locator('.screen__head a', { hasText: 'Артқа' }).click();
  const banner = () => tablet.page.locator('[data-testid="sync-banners"]');

  it('keeps 20 entries across disciplines through two offline reloads and delivers each once', async () => {
    await tablet.signIn();
    await waitForServiceWorker(tablet.page);
    // Open each category once while online, as a judge does at the start of the day.
    for (const name of ['Лабиринт 3–4', 'Сумо 5–6', 'Бағдарламалау 5–6', 'Шығармашылық жоба 5–6']) {
      await openCategory(tablet.page, name);
      await tablet.page.locator('.queue, .match-panel').first().waitFor();
      await back();
    }
    const before = await ledgerOf(tablet.venue, tablet.olympiad.organiser, tablet.olympiad.categories.sumo);

    await tablet.context.setOffline(true);

    // Maze: 4 teams × 2 attempts by stopwatch = 8 entries.
    await openCategory(tablet.page, 'Лабиринт 3–4');
    for (const [index, name] of tablet.olympiad.teamNames.maze.entries()) {
      await tablet.page.locator('.queue__team', { hasText: name }).click();
      for (const attempt of [1, 2]) {
        await tablet.page.getByText(`${attempt}-әрекет (3 ішінен)`).waitFor();
        await tablet.page.getByLabel('Уақыт', { exact: true }).fill(`0:${40 + index}.${10 + attempt}`);
        await tablet.page.getByRole('button', { name: 'Әрекетті растау' }).click();
      }
      await tablet.page.getByText('3-әрекет (3 ішінен)').waitFor();
    }
    await banner().getByText(/8 жазба планшетте сақтаулы/).waitFor();
    await saveScreenshot(tablet.page, 'judge-offline-maze-tablet-kk');
    await back();

    // Programming: 2 teams × 3 tasks = 6 entries.
    await openCategory(tablet.page, 'Бағдарламалау 5–6');
    for (const name of tablet.olympiad.teamNames.programming.slice(0, 2)) {
      await tablet.page.locator('.queue__team', { hasText: name }).click();
      for (const [task, points] of [['A', '10'], ['B', '20'], ['C', '30']]) {
        await tablet.page.getByLabel(`Task ${task} үшін ұпай`).fill(points);
      }
      await tablet.page.getByRole('button', { name: 'Сақтау' }).click();
      await tablet.page.getByText('3 жазба планшетте сақталды', { exact: false }).waitFor();
    }
    await banner().getByText(/14 жазба/).waitFor();

    // A reload without a network: the service worker opens the app, IndexedDB still has all 14.
    await tablet.page.reload();
    await tablet.page.locator('#category-title').waitFor();
    await banner().getByText(/14 жазба планшетте сақтаулы/).waitFor();
    await saveScreenshot(tablet.page, 'judge-offline-after-reload-tablet-kk');
    await back();

    // Creative: 4 teams, one sheet each = 4 entries.
    await openCategory(tablet.page, 'Шығармашылық жоба 5–6');
    for (const name of tablet.olympiad.teamNames.creative) {
      await tablet.page.locator('.queue__team', { hasText: name }).click();
      for (let criterion = 0; criterion < 6; criterion++) {
        await tablet.page.locator('.criterion').nth(criterion).getByRole('radio', { name: '6', exact: true }).click();
      }
      await tablet.page.getByRole('button', { name: 'Сақтау' }).click();
      await tablet.page.getByText('Планшетте сақталды', { exact: false }).waitFor();
    }
    await back();

    // Sumo: two matches = 2 entries; the second comes from the bracket including the first.
    await openCategory(tablet.page, 'Сумо 5–6');
    const first = await tablet.page.locator('.match-panel h3').innerText();
    for (const side of ['a', 'b']) {
      const panel = tablet.page.locator('.match-panel');
      await panel.locator(`.sumo-side--${side}`).getByRole('button', { name: 'Ұпай (юко)' }).click();
      await panel.locator(`.sumo-side--${side}`).getByRole('button', { name: 'Ұпай (юко)' }).click();
      await panel.getByRole('button', { name: 'Кездесуді растау' }).click();
      await tablet.page.locator('.match-panel h3').filter({ hasNotText: side === 'a' ? first : '§' }).waitFor();
    }
    await banner().getByText(/20 жазба планшетте сақтаулы/).waitFor();

    await tablet.page.reload();
    await tablet.page.locator('#category-title').waitFor();
    await banner().getByText(/20 жазба планшетте сақтаулы/).waitFor();
    await saveScreenshot(tablet.page, 'judge-offline-20-waiting-tablet-kk');
    await tablet.page.getByRole('button', { name: 'Русский' }).click();
    await banner().getByText(/Записей на планшете: 20/).waitFor();
    await saveScreenshot(tablet.page, 'judge-offline-20-waiting-tablet-ru');
    await tablet.page.getByRole('button', { name: 'Қазақша' }).click();

    await tablet.context.setOffline(false);
    await banner().getByText(/сақтаулы|жіберілуде/).waitFor({ state: 'detached', timeout: 30_000 });

    const maze = await ledgerOf(tablet.venue, tablet.olympiad.organiser, tablet.olympiad.categories.maze);
    const programming = await ledgerOf(tablet.venue, tablet.olympiad.organiser, tablet.olympiad.categories.programming);
    const creative = await ledgerOf(tablet.venue, tablet.olympiad.organiser, tablet.olympiad.categories.creative);
    const sumo = await ledgerOf(tablet.venue, tablet.olympiad.organiser, tablet.olympiad.categories.sumo);
    expect([maze.length, programming.length, creative.length, sumo.length - before.length]).toEqual([8, 6, 4, 2]);
    const ids = [...maze, ...programming, ...creative, ...sumo.slice(before.length)].map((entry) => entry.id);
    expect(new Set(ids).size).toBe(20);
    expect(maze.map((e) => [e.teamId, e.payload['attempt'], e.payload['timeMs']])).toEqual(
      tablet.olympiad.teams.maze.flatMap((teamId, index) => [
        [teamId, 1, (40 + index) * 1000 + 110],
        [teamId, 2, (40 + index) * 1000 + 120],
      ]),
    );
    await tablet.page.reload();
    await tablet.page.locator('#category-title').waitFor();
    expect(await banner().innerText()).toBe('');
  });

  it('hands an entry made offline on a category locked meanwhile to the head judge, who accepts it', async () => {
    const head = await signedInTablet(tablet.browser, tablet.venue.url, tablet.olympiad.stageCode, tablet.olympiad.headJudge.pin);
    try {
      const headPage = head.page;
      const queue = headPage.locator('[data-testid="held-entries"]');
      await headPage.locator('.tile', { hasText: 'Лабиринт 3–4' }).getByRole('link', { name: 'Тексеру' }).click();
      await queue.getByText('Қарауды күтіп тұрған жазба жоқ.').waitFor();

      // The Wi-Fi drops at the maze field; the judge scores Сұңқар's third attempt.
      await back();
      await openCategory(tablet.page, 'Лабиринт 3–4');
      await tablet.page.locator('.queue__team', { hasText: 'Сұңқар' }).click();
      await tablet.page.getByText('3-әрекет (3 ішінен)').waitFor();
      await tablet.context.setOffline(true);
      await tablet.page.getByLabel('Уақыт', { exact: true }).fill('0:45.50');
      await tablet.page.getByRole('button', { name: 'Әрекетті растау' }).click();
      await banner().getByText(/1 жазба планшетте сақтаулы/).waitFor();

      // Signing out now would leave the entry behind: the tablet says so and asks.
      await tablet.page.getByRole('button', { name: 'Шығу' }).click();
      await tablet.page.getByText(/Осы планшеттің 1 жазбасы серверге де, бас төрешіге де жеткен жоқ/).waitFor();
      await tablet.page.getByRole('button', { name: 'Бас тарту' }).click();

      // Meanwhile the head judge locks the category.
      await headPage.getByRole('button', { name: 'Санатты құлыптау' }).click();
      await headPage.locator('[data-testid="category-status"]', { hasText: 'Құлыпталған' }).waitFor();

      // Back online: the ledger refuses the entry, the tablet hands it to the head judge.
      await tablet.context.setOffline(false);
      await banner().getByText('1 жазба бас төрешінің қарауында.').waitFor({ timeout: 30_000 });
      await banner().getByRole('link', { name: 'Ашу' }).click();
      await tablet.page.locator('.outbox-item--held').getByText('бас төрешіге жіберілді').waitFor();
      await tablet.page.locator('.outbox-item--held').getByText('Бұл санат құлыпталған', { exact: false }).waitFor();

      // On a locked category the field cannot be readied, and the tablet says why.
      await tablet.page.goto(`${tablet.venue.url}/judge/c/${tablet.olympiad.categories.maze}`);
      await tablet.page.locator('.queue__team', { hasText: 'Қыран' }).click();
      await tablet.page.getByText('Санат құлыпталған: бас төреші құлпын ашпайынша алаңды дайындауға болмайды.').waitFor();
      expect(await tablet.page.getByRole('button', { name: '3-әрекетке дайын' }).isDisabled()).toBe(true);

      // The entry appears in the head judge's queue live, with who made it and why it was refused.
      const item = queue.locator('.held__entry', { hasText: 'Сұңқар' });
      await item.waitFor();
      expect(await item.innerText()).toMatch(/Лабиринт 3–4[\s\S]*#3 · Мәреге жетті · 0:45\.50[\s\S]*Жасаған: Асқар Төрешіұлы[\s\S]*Бұл санат құлыпталған/);
      const showQueue = () => queue.evaluate((element) => element.scrollIntoView({ block: 'start' }));
      await showQueue();
      await saveScreenshot(headPage, 'judge-held-queue-tablet-kk');
      await headPage.getByRole('button', { name: 'Русский' }).click();
      await queue.getByText('Ждут рассмотрения (1)').waitFor();
      await showQueue();
      await saveScreenshot(headPage, 'judge-held-queue-tablet-ru');
      await headPage.getByRole('button', { name: 'Қазақша' }).click();

      // Both decisions are big enough for a finger and need a reason.
      for (const name of ['Қабылдау', 'Қабылдамау']) {
        const box = await item.getByRole('button', { name }).boundingBox();
        expect(Math.min(box?.width ?? 0, box?.height ?? 0)).toBeGreaterThanOrEqual(48);
      }
      await item.getByRole('button', { name: 'Қабылдау' }).click();
      await item.getByText('Себебін бірнеше сөзбен жазыңыз.').waitFor();
      await item.getByLabel('Сіздің себебіңіз (мәңгі сақталады)').fill('Желі үзілді; уақыт бейнеден тексерілді');
      // Still locked: the ledger refuses, and the entry stays in the queue.
      await item.getByRole('button', { name: 'Қабылдау' }).click();
      await item.getByRole('alert').getByText('Бұл санат құлыпталған. Алдымен бас төреші құлпын ашуы керек.').waitFor();
      expect((await ledgerOf(tablet.venue, tablet.olympiad.organiser, tablet.olympiad.categories.maze)).length).toBe(8);

      await headPage.getByRole('button', { name: 'Құлыпты ашу' }).click();
      await headPage.locator('[data-testid="category-status"]', { hasText: 'Бағалауға ашық' }).waitFor();
      await item.getByRole('button', { name: 'Қабылдау' }).click();
      await queue.getByText('Қарауды күтіп тұрған жазба жоқ.').waitFor();

      const maze = await ledgerOf(tablet.venue, tablet.olympiad.organiser, tablet.olympiad.categories.maze);
      const accepted = maze.filter((entry) => entry.teamId === tablet.olympiad.teams.maze[3] && entry.payload['attempt'] === 3);
      expect(accepted).toHaveLength(1);
      expect(accepted[0].payload['timeMs']).toBe(45_500);
      const held = await request(tablet.venue.url)
        .get(`/api/stages/${tablet.olympiad.stageId}/held-entries?status=all`)
        .set('Authorization', `Bearer ${tablet.olympiad.organiser}`)
        .expect(200);
      expect(held.body.map((entry: { id: string; status: string; resolution: { reason: string } }) => [entry.id, entry.status, entry.resolution.reason])).toEqual([
        [accepted[0].id, 'accepted', 'Желі үзілді; уақыт бейнеден тексерілді'],
      ]);

      // The tablet learns of the acceptance, resends, gets "already stored", and the item clears.
      // Held → sending → gone: wait for the resend to finish, not just for the held line to leave.
      await banner().getByText(/бас төрешінің қарауында/).waitFor({ state: 'detached', timeout: 30_000 });
      await tablet.page.waitForFunction(() => (document.querySelector('[data-testid="sync-banners"]') as HTMLElement | null)?.innerText.trim() === '', undefined, { timeout: 30_000 });
      expect(await banner().innerText()).toBe('');
      expect((await ledgerOf(tablet.venue, tablet.olympiad.organiser, tablet.olympiad.categories.maze)).length).toBe(9);
    } finally {
      await head.context.close();
    }
  });
});
