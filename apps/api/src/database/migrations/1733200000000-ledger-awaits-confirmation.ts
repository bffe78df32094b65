import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each ledger row says whether it is a finish gate's time awaiting the judge
 * (docs/results-display.md). Rows already stored get `false`: the tablets of before confirmed a gate
 * time by recording nothing, so those times were final and must keep counting.
 *
 * A plain ALTER TABLE on purpose: TypeORM's addColumn rebuilds a SQLite table, which would drop the
 * triggers that keep the ledger append-only.
 */
export class LedgerAwaitsConfirmation1733200000000 implements MigrationInterface {
  name = 'LedgerAwaitsConfirmation1733200000000';

  async up(q: QueryRunner): Promise<void> {
    const falseValue = q.connection.options.type === 'postgres' ? 'false' : '0';
    await q.query(
      `ALTER TABLE "ledger_entry" ADD COLUMN "awaitsConfirmation" boolean NOT NULL DEFAULT ${falseValue}`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "ledger_entry" DROP COLUMN "awaitsConfirmation"`);
  }
}
