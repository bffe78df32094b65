import { describeOnEachDatabase } from '../../testing/each-database';
import type { TempDatabase } from '../../testing/temp-database';
import { StandingProvisional1733450000000 } from './1733450000000-standing-provisional';

describeOnEachDatabase('migration StandingProvisional on %s', (_name, open) => {
  let db: TempDatabase;
  beforeAll(async () => {
    db = await open();
  });
  afterAll(() => db.close());

  it('gives rows stored before it a place that is not provisional', async () => {
    const migration = new StandingProvisional1733450000000();
    const runner = db.dataSource.createQueryRunner();
    try {
      await migration.down(runner);
      await runner.query(
        `INSERT INTO "standing" ("categoryId", "teamId", "place", "status", "primaryValue", "display", "detail", "position") VALUES ('c', 'sumo', 1, 'ranked', 2, '6 (2-0-0)', '{}', 0)`,
      );
      await migration.up(runner);
      const [stored] = await runner.query('SELECT "provisional" FROM "standing"');
      expect(Boolean(stored.provisional)).toBe(false);
    } finally {
      await runner.release();
    }
  });
});
