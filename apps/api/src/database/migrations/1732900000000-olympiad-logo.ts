import { MigrationInterface, QueryRunner, Table } from 'typeorm';

/** The olympiad's logo on the hall screen. */
export class OlympiadLogo1732900000000 implements MigrationInterface {
  name = 'OlympiadLogo1732900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'olympiad_logo',
        columns: [
          { name: 'olympiadId', type: 'varchar', length: '36', isPrimary: true },
          { name: 'contentType', type: 'varchar', length: '40' },
          { name: 'data', type: 'text' },
          { name: 'updatedAt', type: 'varchar', length: '32' },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('olympiad_logo');
  }
}
