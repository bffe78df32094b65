import { describeOnEachDatabase } from '../../testing/each-database';
import type { TempDatabase } from '../../testing/temp-database';
import { StandingTimePrecision1733000000000 } from './1733000000000-standing-time-precision';

describeOnEachDatabase('migration StandingTimePrecision on %s', (name, open) => {
  let db: TempDatabase;
  beforeAll(async () => {
    db = await open();
  });
  afterAll(() => db.close());

  it('gives rows stored before it the precision their time was written in', async () => {
    const migration = new StandingTimePrecision1733000000000();
    const runner = db.dataSource.createQueryRunner();
    const [a, b] = name === 'PostgreSQL' ? ['$1', '$2'] : ['?', '?'];
    try {
      await migration.down(runner);
      const insert = (teamId: string, display: string) =>
        runner.query(
          `INSERT INTO "standing" ("categoryId", "teamId", "place", "status", "primaryValue", "display", "detail", "position") VALUES ('c', ${a}, 1, 'ranked', 1, ${b}, '{}', 0)`,
          [teamId, display],
        );
      await insert('sensor', '0:56.838');
      await insert('hand', '0:41.00');
      await insert('points', '60 · 1:02.35 (1/2)');
      await insert('sumo', '6 (2-0-1)');
      await migration.up(runner);
      const rows: { teamId: string; timePrecision: string | null }[] = await runner.query(
        'SELECT "teamId", "timePrecision" FROM "standing" ORDER BY "teamId"',
      );
      expect(Object.fromEntries(rows.map((row) => [row.teamId, row.timePrecision]))).toEqual({
        hand: 'cs',
        points: 'cs',
        sensor: 'ms',
        sumo: null,
      });
    } finally {
      await runner.release();
    }
  });
});
