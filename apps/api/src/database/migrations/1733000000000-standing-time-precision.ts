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
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('standing', 'timePrecision');
  }
}
