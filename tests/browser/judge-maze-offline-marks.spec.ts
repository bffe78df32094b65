import { saveScreenshot } from './support/chromium';
import { ledgerOf } from './support/judge-olympiad';
import { openCategory } from './support/judge-tablet-page';
import { judgeTabletSuite } from './support/judge-tablet-suite';

/**
 * The tablet loses the venue Wi-Fi: it cannot know whether the field's sensor is still connected, so
 * it says "unknown" instead of a green "connected"; and the team list marks the teams whose entries
 * are still waiting on the tablet until they reach the server.
 */
describe('maze screen offline: sensor unknown, entries waiting per team', () => {
  const tablet = judgeTabletSuite({ gate: true });

  const chip = () => tablet.page.locator('.sensor-panel h3 .chip');
  const team = (name: string) => tablet.page.locator('.queue__team', { hasText: name });
  const waitingMark = (name: string) => team(name).locator('[data-testid="team-waiting"]');

  it('shows the sensor as unknown and marks the teams with entries waiting on the tablet', async () => {
    // Opened once online, as a judge does at the start of the day, so it opens offline too.
    await openCategory(tablet.page, 'Бағдарламалау 5–6');
    await team('Кодтар').waitFor();
    await tablet.page.locator('.screen__head a', { hasText: 'Артқа' }).click();
    await openCategory(tablet.page, 'Лабиринт 3–4');
    await team('Қыран').click();
    await tablet.gate.heartbeat(1_000_000);
    await chip().getByText('қосылған', { exact: true }).waitFor();
    expect(await chip().getAttribute('class')).toContain('chip--ok');

    await tablet.context.setOffline(true);
    await chip().getByText('белгісіз', { exact: true }).waitFor();
    expect(await chip().getAttribute('class')).not.toContain('chip--ok');

    for (const [name, time] of [
      ['Қыран', '0:44.10'],
      ['Барыс', '0:47.20'],
    ]) {
      await team(name).click();
      await tablet.page.getByLabel('Уақыт', { exact: true }).fill(time);
      await tablet.page.getByRole('button', { name: 'Әрекетті растау' }).click();
      await waitingMark(name).getByText('1 жазба жіберуді күтуде').waitFor();
    }
    await team('Қыран').click();
    await tablet.page.getByLabel('Уақыт', { exact: true }).fill('0:43.90');
    await tablet.page.getByRole('button', { name: 'Әрекетті растау' }).click();
    await waitingMark('Қыран').getByText('2 жазба жіберуді күтуде').waitFor();
    expect(await waitingMark('Тұлпар').count()).toBe(0);
    expect(await waitingMark('Сұңқар').count()).toBe(0);
    await saveScreenshot(tablet.page, 'maze-offline-waiting-kk');
    await tablet.page.getByRole('button', { name: 'Русский' }).click();
    await waitingMark('Қыран').getByText('2 записи ждут отправки').waitFor();
    await waitingMark('Барыс').getByText('1 запись ждёт отправки').waitFor();
    await chip().getByText('неизвестно', { exact: true }).waitFor();
    await saveScreenshot(tablet.page, 'maze-offline-waiting-ru');
    await tablet.page.getByRole('button', { name: 'Қазақша' }).click();

    // The other team lists mark waiting entries too.
    await tablet.page.locator('.screen__head a', { hasText: 'Артқа' }).click();
    await openCategory(tablet.page, 'Бағдарламалау 5–6');
    await team('Кодтар').click();
    await tablet.page.getByLabel('Task A үшін ұпай').fill('10');
    await tablet.page.getByRole('button', { name: 'Сақтау' }).click();
    await waitingMark('Кодтар').getByText('1 жазба жіберуді күтуде').waitFor();
    expect(await waitingMark('Алгоритм').count()).toBe(0);
    await tablet.page.locator('.screen__head a', { hasText: 'Артқа' }).click();
    await openCategory(tablet.page, 'Лабиринт 3–4');
    await team('Сұңқар').click();
    await chip().getByText('белгісіз', { exact: true }).waitFor();

    // Back online: the entries reach the server, the marks go and the sensor is known again.
    await tablet.context.setOffline(false);
    await tablet.page
      .locator('[data-testid="team-waiting"]')
      .first()
      .waitFor({ state: 'detached', timeout: 30_000 });
    await tablet.gate.heartbeat(1_000_000);
    await chip().getByText('қосылған', { exact: true }).waitFor({ timeout: 30_000 });
    expect(
      (await ledgerOf(tablet.venue, tablet.olympiad.organiser, tablet.olympiad.categories.maze))
        .length,
    ).toBe(3);
  });
});
