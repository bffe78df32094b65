import type { StandingRow } from '@olympiad/scoring';
import request from 'supertest';
import { eventually } from '../support/field-fixture';
import { ledgerOf } from './support/judge-olympiad';
import { armAndRunSensor, judgeTabletSuite } from './support/judge-tablet-suite';

/**
 * A gate's time places no team until the maze judge confirms it (docs/results-display.md), so
 * Confirm on the tablet must record the judge's entry even when the judge changed nothing; the
 * public standings then place the team on the gate's time.
 */
describe('maze tablet: confirming an unchanged sensor time', () => {
  const tablet = judgeTabletSuite({
    category: 'Лабиринт 3–4',
    prepare: (venue, olympiad) =>
      request(venue.url)
        .post(`/api/categories/${olympiad.categories.maze}/publish`)
        .set('Authorization', `Bearer ${olympiad.organiser}`)
        .expect(200),
  });

  const publicRow = async (teamId: string): Promise<StandingRow> =>
    (
      await request(tablet.venue.url)
        .get(`/api/public/categories/${tablet.olympiad.categories.maze}/standings`)
        .expect(200)
    ).body.standings.rows.find((row: StandingRow) => row.teamId === teamId);

  it('places the team once the judge confirms, with no touch added', async () => {
    const team = tablet.olympiad.teams.maze[0];
    await tablet.page
      .locator('.queue__team', { hasText: tablet.olympiad.teamNames.maze[0] })
      .click();
    await armAndRunSensor(tablet.page, tablet.venue, tablet.olympiad, 48_120_000);
    await tablet.page
      .locator('[data-testid="sensor-clock"]')
      .getByText(/^0:48\.120?$/)
      .waitFor();
    await eventually(async () => expect((await publicRow(team)).unconfirmed?.primary).toBe(48_120));
    expect((await publicRow(team)).place).toBeNull();

    await tablet.page.getByRole('button', { name: 'Әрекетті растау' }).click();
    await eventually(
      async () =>
        expect(await publicRow(team)).toMatchObject({
          place: 1,
          status: 'ranked',
          primary: 48_120,
        }),
      15_000,
    );
    expect((await publicRow(team)).unconfirmed).toBeUndefined();
    const entries = (
      await ledgerOf(tablet.venue, tablet.olympiad.organiser, tablet.olympiad.categories.maze)
    ).filter((entry) => entry.teamId === team);
    expect(
      entries.map((entry) => [
        entry.payload['timeMs'],
        entry.payload['touches'],
        entry.supersedes === entries[0].id,
      ]),
    ).toEqual([
      [48_120, 0, false],
      [48_120, 0, true],
    ]);
  });
});
