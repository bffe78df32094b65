import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/**
 * A standing row keeps the precision of its time (ms for a sensor, cs for a stopwatch), so every
 * screen and document writes a table's times alike (docs/results-display.md).
 */
export class StandingTimePrecision1733000000000 implements MigrationInterface {
  name = 'StandingTimePrecision1733000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn(
      'standing',
      new TableColumn({ name: 'timePrecision', type: 'varchar', length: '2', isNullable: true }),
    );
    // Rows stored before this column wrote their time by its digits ("0:56.838" or "0:41.00"); the
    // next change of the category recomputes them from the timing source.
    const rows: { categoryId: string; teamId: string; display: string }[] = await q.query(
      `SELECT "categoryId", "teamId", "display" FROM "standing" WHERE "display" LIKE '%:%.%'`,
    );
    for (const row of rows) {
      const time = /\d:\d\d\.(\d{2,3})(?!\d)/.exec(row.display);
      if (!time) continue;
      const precision = time[1].length === 3 ? 'ms' : 'cs';
      const where =
        q.connection.options.type === 'postgres' ? '$1 AND "teamId" = $2' : '? AND "teamId" = ?';
      await q.query(
        `UPDATE "standing" SET "timePrecision" = '${precision}' WHERE "categoryId" = ${where}`,
        [row.categoryId, row.teamId],
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('standing', 'timePrecision');
  }
}
