import { MigrationInterface, QueryRunner, Table, TableColumn } from 'typeorm';

/**
 * Staff accounts with roles (docs/security.md#staff-accounts). The accounts a server already has
 * become admins, so an upgraded venue signs in as before.
 */
export class StaffAccounts1733840000000 implements MigrationInterface {
  name = 'StaffAccounts1733840000000';

  async up(q: QueryRunner): Promise<void> {
    const postgres = q.connection.options.type === 'postgres';
    await q.addColumns('organiser_account', [
      new TableColumn({ name: 'displayName', type: 'varchar', length: '200', default: "''" }),
      new TableColumn({ name: 'staffRole', type: 'varchar', length: '16', default: "'admin'" }),
      // Boolean defaults are spelled differently by the two databases (see the initial migration).
      new TableColumn({ name: 'active', type: 'boolean', default: postgres ? 'true' : '1' }),
      new TableColumn({ name: 'sessionVersion', type: 'integer', default: '0' }),
      new TableColumn({ name: 'lastSignInAt', type: 'varchar', length: '32', isNullable: true }),
    ]);
    await q.query(`UPDATE "organiser_account" SET "displayName" = "username"`);
    await q.createTable(
      new Table({
        name: 'staff_stage_grant',
        columns: [
          { name: 'accountId', type: 'varchar', length: '36', isPrimary: true },
          { name: 'stageId', type: 'varchar', length: '36', isPrimary: true },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'sign_in_backoff',
        columns: [
          { name: 'username', type: 'varchar', length: '64', isPrimary: true },
          { name: 'failures', type: 'integer' },
          { name: 'lastFailureAt', type: 'varchar', length: '32' },
          { name: 'blockedUntil', type: 'varchar', length: '32', isNullable: true },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('sign_in_backoff');
    await q.dropTable('staff_stage_grant');
    for (const column of ['lastSignInAt', 'sessionVersion', 'active', 'staffRole', 'displayName'])
      await q.dropColumn('organiser_account', column);
  }
}
