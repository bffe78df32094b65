import { saveScreenshot } from './support/chromium';
import { judgeTabletSuite } from './support/judge-tablet-suite';

/**
 * A field tile on the home screen opens the field's scoring screen; the maze judge's field,
 * category and team survive a reload of the tablet.
 */
describe('judge tablet: the field tiles and the judge’s place', () => {
  const tablet = judgeTabletSuite();

  const fieldTile = (name: string) =>
    tablet.page.locator('.tile', { hasText: name }).getByRole('link');
  const chosenTeam = () => tablet.page.locator('.queue__team[aria-pressed="true"]');

  it('opens the maze field from its tile', async () => {
    await saveScreenshot(tablet.page, 'judge-field-tiles-kk');
    await fieldTile('Алаң 1').click();
    await tablet.page.locator('#category-title', { hasText: 'Лабиринт 3–4' }).waitFor();
    await tablet.page.locator('#queue-title').waitFor();
    expect(new URL(tablet.page.url()).searchParams.get('field')).toBe(tablet.olympiad.fieldId);
  });

  it('comes back to the same field, category and team after a reload', async () => {
    await tablet.page.locator('.queue__team', { hasText: 'Сұңқар' }).click();
    await tablet.page.locator('.run-title', { hasText: 'Сұңқар' }).waitFor();
    await tablet.page.reload();
    await tablet.page.locator('#category-title', { hasText: 'Лабиринт 3–4' }).waitFor();
    await tablet.page.locator('.run-title', { hasText: 'Сұңқар' }).waitFor();
    expect(await chosenTeam().innerText()).toContain('Сұңқар');
    await tablet.page.locator('#sensor-title').waitFor();
    expect(new URL(tablet.page.url()).searchParams.get('field')).toBe(tablet.olympiad.fieldId);

    // Choosing another team moves the remembered place with it.
    await tablet.page.locator('.queue__team', { hasText: 'Тұлпар' }).click();
    await tablet.page.reload();
    await tablet.page.locator('.run-title', { hasText: 'Тұлпар' }).waitFor();
    expect(await chosenTeam().innerText()).toContain('Тұлпар');
  });

  it('opens the sumo ring from its tile', async () => {
    await tablet.page.locator('.screen__head a', { hasText: 'Артқа' }).click();
    await fieldTile('Ринг 1').click();
    await tablet.page.locator('#category-title', { hasText: 'Сумо 5–6' }).waitFor();
    await tablet.page.locator('[data-testid="ring-button"]').waitFor();
    expect(new URL(tablet.page.url()).searchParams.get('field')).toBe(tablet.olympiad.ring.fieldId);
  });
});
