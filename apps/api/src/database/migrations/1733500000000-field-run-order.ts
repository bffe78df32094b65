import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A field's runs are ordered by a number the server counts up on each field, not by the wall
 * clock: a clock stepped back (a venue laptop's drift corrected mid-day) made a run armed before
 * the correction look newer than every run after it. Runs stored before get 0 and keep their
 * order by `armedAt` among themselves (docs/reliability.md#the-chaos-day).
 */
export class FieldRunOrder1733500000000 implements MigrationInterface {
  name = 'FieldRunOrder1733500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "field_run" ADD COLUMN "armedSeq" integer NOT NULL DEFAULT 0`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "field_run" DROP COLUMN "armedSeq"`);
  }
}
