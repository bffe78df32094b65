import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';

/** Teams entered into the republic stage with the reason, and check-in on the day. */
export class OrganiserConsole1732700000000 implements MigrationInterface {
  name = 'OrganiserConsole1732700000000';

  async up(q: QueryRunner): Promise<void> {
    const varchar = (name: string, length: number, isNullable = false) => ({ name, type: 'varchar', length: String(length), isNullable });
    await q.createTable(
      new Table({
        name: 'qualification_entry',
        columns: [
          { ...varchar('id', 36), isPrimary: true },
          varchar('sourceStageId', 36),
          varchar('sourceTeamId', 36),
          varchar('targetStageId', 36),
          varchar('targetTeamId', 36),
          varchar('reason', 20),
          varchar('note', 500),
          varchar('enteredBy', 60),
          varchar('enteredAt', 32),
        ],
        indices: [
          new TableIndex({ columnNames: ['sourceTeamId', 'targetStageId'], isUnique: true }),
          new TableIndex({ columnNames: ['targetStageId'] }),
        ],
      }),
    );
    await q.addColumn('team', new TableColumn(varchar('checkedInAt', 32, true)));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('team', 'checkedInAt');
    await q.dropTable('qualification_entry');
  }
}
