import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';

/**
 * Technical inspections (docs/rules.md#technical-inspection). A re-inspection is a new row; no row
 * is changed nor deleted: the database itself refuses it.
 */
export class Inspections1733950000000 implements MigrationInterface {
  name = 'Inspections1733950000000';

  async up(q: QueryRunner): Promise<void> {
    const varchar = (name: string, length: number, isNullable = false) => ({
      name,
      type: 'varchar',
      length: String(length),
      isNullable,
    });
    const measure = (name: string) => ({ name, type: 'integer', isNullable: true });
    await q.createTable(
      new Table({
        name: 'inspection',
        columns: [
          { ...varchar('id', 36), isPrimary: true },
          varchar('stageId', 36),
          varchar('categoryId', 36),
          varchar('teamId', 36),
          measure('massG'),
          measure('widthMm'),
          measure('lengthMm'),
          { name: 'passed', type: 'boolean' },
          { name: 'failures', type: 'text' },
          varchar('failReason', 500, true),
          varchar('notes', 1000),
          varchar('inspectedById', 60),
          varchar('inspectedByName', 200),
          varchar('inspectedAt', 32),
        ],
        indices: [new TableIndex({ columnNames: ['categoryId', 'teamId', 'inspectedAt'] })],
      }),
    );
    if (q.connection.options.type === 'postgres') {
      await q.query(`CREATE FUNCTION inspection_kept() RETURNS trigger AS $$
        BEGIN RAISE EXCEPTION 'inspection rows are append-only'; END; $$ LANGUAGE plpgsql`);
      await q.query(`CREATE TRIGGER inspection_kept BEFORE UPDATE OR DELETE ON inspection
        FOR EACH ROW EXECUTE FUNCTION inspection_kept()`);
      return;
    }
    await q.query(`CREATE TRIGGER inspection_no_update BEFORE UPDATE ON inspection
      BEGIN SELECT RAISE(ABORT, 'inspection rows are append-only'); END`);
    await q.query(`CREATE TRIGGER inspection_no_delete BEFORE DELETE ON inspection
      BEGIN SELECT RAISE(ABORT, 'inspection rows are append-only'); END`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('inspection');
    if (q.connection.options.type === 'postgres') await q.query('DROP FUNCTION inspection_kept()');
  }
}
