import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which device of a field is its start gate and which its finish gate (both null: the field's one
 * device does both, as before), and the error bound of a run's time: 0 for a run timed by one
 * device clock, the clock-offset bound for a run between two (docs/sensor-contract.md#clock-offsets).
 * Runs stored before have no bound (null) and were all timed by one clock.
 */
export class GateLayout1734150000000 implements MigrationInterface {
  name = 'GateLayout1734150000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "field" ADD COLUMN "startDeviceId" varchar(40)`);
    await q.query(`ALTER TABLE "field" ADD COLUMN "finishDeviceId" varchar(40)`);
    await q.query(`ALTER TABLE "field_run" ADD COLUMN "timingBoundMs" integer`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "field_run" DROP COLUMN "timingBoundMs"`);
    await q.query(`ALTER TABLE "field" DROP COLUMN "finishDeviceId"`);
    await q.query(`ALTER TABLE "field" DROP COLUMN "startDeviceId"`);
  }
}
