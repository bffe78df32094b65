import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The boot a device's current one replaced: with several replicas an event or status of the old
 * boot can be handled after the new boot is stored, and must not bring the old one back
 * (docs/deploy.md#sensors-with-several-replicas).
 */
export class DevicePreviousBoot1733700000000 implements MigrationInterface {
  name = 'DevicePreviousBoot1733700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "device" ADD COLUMN "previousBoot" varchar(40)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "device" DROP COLUMN "previousBoot"`);
  }
}
