import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';

/** The audit record (docs/audit.md): append-only, as the ledger is. */
export class AuditRecord1733600000000 implements MigrationInterface {
  name = 'AuditRecord1733600000000';

  async up(q: QueryRunner): Promise<void> {
    const varchar = (name: string, length: number, isNullable = false) => ({
      name,
      type: 'varchar',
      length: String(length),
      isNullable,
    });
    await q.createTable(
      new Table({
        name: 'audit_entry',
        columns: [
          { ...varchar('id', 36), isPrimary: true },
          varchar('at', 32),
          varchar('actorKind', 20),
          varchar('actorId', 60, true),
          varchar('actorName', 200),
          varchar('stageId', 36, true),
          varchar('objectKind', 20),
          varchar('objectId', 80),
          varchar('objectName', 200, true),
          varchar('action', 40),
          { name: 'before', type: 'text', isNullable: true },
          { name: 'after', type: 'text', isNullable: true },
          varchar('requestId', 128, true),
        ],
        indices: [
          new TableIndex({ columnNames: ['at'] }),
          new TableIndex({ columnNames: ['stageId', 'at'] }),
          new TableIndex({ columnNames: ['objectId', 'at'] }),
          new TableIndex({ columnNames: ['actorId', 'at'] }),
        ],
      }),
    );
    if (q.connection.options.type === 'postgres') {
      await q.query(`CREATE FUNCTION audit_entry_append_only() RETURNS trigger AS $$
        BEGIN RAISE EXCEPTION 'audit_entry is append-only'; END; $$ LANGUAGE plpgsql`);
      await q.query(`CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry
        FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only()`);
      return;
    }
    await q.query(`CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry
      BEGIN SELECT RAISE(ABORT, 'audit_entry is append-only'); END`);
    await q.query(`CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry
      BEGIN SELECT RAISE(ABORT, 'audit_entry is append-only'); END`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('audit_entry');
    if (q.connection.options.type === 'postgres')
      await q.query('DROP FUNCTION audit_entry_append_only()');
  }
}
