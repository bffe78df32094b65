import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A standing row keeps whether its place is provisional (a sumo team still in the tournament), as
 * the rules give it: without it, the standings read back from the table differed from the rules'
 * replay of the ledger in every sumo category under way. Rows stored before get `false` until their
 * category's next score rewrites them.
 */
export class StandingProvisional1733450000000 implements MigrationInterface {
  name = 'StandingProvisional1733450000000';

  async up(q: QueryRunner): Promise<void> {
    const falseValue = q.connection.options.type === 'postgres' ? 'false' : '0';
    await q.query(
      `ALTER TABLE "standing" ADD COLUMN "provisional" boolean NOT NULL DEFAULT ${falseValue}`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "standing" DROP COLUMN "provisional"`);
  }
}
