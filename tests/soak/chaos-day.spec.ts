import { figuresTable, runChaosDay, type DayBroker, type DayDatabase } from './chaos-day';
import { LONG_DAY, SHORT_DAY } from './day-plan';
import { smallDiskRequired, smallDiskUnavailable } from './small-disk';

/**
 * The chaos day (docs/reliability.md#the-chaos-day). In CI the short form with a fixed seed, so a
 * red run is played again exactly with the same SOAK_SEED; `npm run soak -- --long` sets
 * SOAK_FORM=long for the long form, `-- --mosquitto` SOAK_BROKER=mosquitto for the variant on an
 * external Mosquitto that the day restarts twice, `-- --postgres` SOAK_DATABASE=postgres for the
 * variant on a PostgreSQL cluster of the day's own that it restarts twice.
 */
const SEED = Number(process.env.SOAK_SEED ?? 19_2026);
const LONG = process.env.SOAK_FORM === 'long';
const BROKER: DayBroker = process.env.SOAK_BROKER === 'mosquitto' ? 'mosquitto' : 'embedded';
const DATABASE: DayDatabase = process.env.SOAK_DATABASE === 'postgres' ? 'postgres' : 'sqlite';
const SCALE = {
  ...(LONG ? LONG_DAY : SHORT_DAY),
  ...(BROKER === 'mosquitto' ? { brokerRestarts: 2 } : {}),
  // On PostgreSQL the database restarts instead of the data folder's disk filling up (SQLite's file).
  ...(DATABASE === 'postgres' ? { databaseRestarts: 2, diskFulls: 0 } : {}),
  // Without root (a developer's own machine, not CI) the day has no tmpfs to fill: it says so.
  ...(smallDiskUnavailable() && !smallDiskRequired ? { diskFulls: 0, diskMb: 0 } : {}),
};
if (SCALE.diskMb === 0)
  console.warn(`The chaos day leaves the full disk out: ${smallDiskUnavailable()}`);

describe(`the chaos day (${LONG ? 'long' : 'short'} form, ${BROKER} broker, ${DATABASE})`, () => {
  it('loses nothing, doubles nothing and ends with standings equal to the ledger through kill -9 of the server, its clock jumping an hour and its disk filling up', async () => {
    const { figures, failures, timeline } = await runChaosDay(
      SEED,
      SCALE,
      (line) => process.stdout.write(`${line}\n`),
      BROKER,
      DATABASE,
    );
    console.log(
      `Chaos day, SOAK_SEED=${SEED}:\n${timeline.join('\n')}\n\n${figuresTable(figures)}`,
    );
    expect(failures).toEqual([]);
    expect(figures.faults['kill -9']).toBe(SCALE.kills);
    expect(figures.faults['clock +1 h and back']).toBe(SCALE.clockJumps);
    expect(figures.faults['disk full and freed'] ?? 0).toBe(SCALE.diskFulls);
    expect(figures.faults['database restart'] ?? 0).toBe(SCALE.databaseRestarts);
    expect(figures.faults['broker restart'] ?? 0).toBe(SCALE.brokerRestarts);
    expect(figures.tabletAcknowledged).toBe(figures.tabletEntries);
    expect(figures.sensorRuns).toBeGreaterThan(0);
    expect(figures.sumoMatches).toBeGreaterThan(0);
    expect(figures.creativeSheets).toBeGreaterThan(0);
    expect(figures.programmingScores).toBeGreaterThan(0);
    expect(figures.imported).toBe(SCALE.importTeams);
  }, 3_600_000);
});
