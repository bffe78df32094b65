import { figuresTable, runChaosDay } from './chaos-day';
import { LONG_DAY, SHORT_DAY } from './day-plan';

/**
 * The chaos day (docs/reliability.md#the-chaos-day). In CI the short form with a fixed seed, so a
 * red run is played again exactly with the same SOAK_SEED; `npm run soak -- --long` sets
 * SOAK_FORM=long for the long form.
 */
const SEED = Number(process.env.SOAK_SEED ?? 19_2026);
const LONG = process.env.SOAK_FORM === 'long';

describe(`the chaos day (${LONG ? 'long' : 'short'} form)`, () => {
  it('loses nothing, doubles nothing and ends with standings equal to the ledger through kill -9 of the server, its clock jumping an hour and its disk filling up', async () => {
    const { figures, failures, timeline } = await runChaosDay(
      SEED,
      LONG ? LONG_DAY : SHORT_DAY,
      (line) => process.stdout.write(`${line}\n`),
    );
    console.log(
      `Chaos day, SOAK_SEED=${SEED}:\n${timeline.join('\n')}\n\n${figuresTable(figures)}`,
    );
    expect(failures).toEqual([]);
    expect(figures.faults['kill -9']).toBe(3);
    expect(figures.faults['clock +1 h and back']).toBe(
      LONG ? LONG_DAY.clockJumps : SHORT_DAY.clockJumps,
    );
    expect(figures.faults['disk full and freed']).toBe(
      LONG ? LONG_DAY.diskFulls : SHORT_DAY.diskFulls,
    );
    expect(figures.tabletAcknowledged).toBe(figures.tabletEntries);
    expect(figures.sensorRuns).toBeGreaterThan(0);
    expect(figures.sumoMatches).toBeGreaterThan(0);
    expect(figures.creativeSheets).toBeGreaterThan(0);
    expect(figures.programmingScores).toBeGreaterThan(0);
    expect(figures.imported).toBe((LONG ? LONG_DAY : SHORT_DAY).importTeams);
  }, 3_600_000);
});
