import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

/**
 * A standing row keeps the result its sensor-timed entries awaiting the judge would give, shown
 * as unconfirmed and never ranked (docs/results-display.md).
 */
export class StandingUnconfirmed1733100000000 implements MigrationInterface {
  name = 'StandingUnconfirmed1733100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn(
      'standing',
      new TableColumn({ name: 'unconfirmed', type: 'text', isNullable: true }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('standing', 'unconfirmed');
  }
}
