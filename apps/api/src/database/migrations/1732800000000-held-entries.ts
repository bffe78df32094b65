import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';

/** The head judge's review queue of tablet entries the server refused. */
export class HeldEntries1732800000000 implements MigrationInterface {
  name = 'HeldEntries1732800000000';

  async up(q: QueryRunner): Promise<void> {
    const varchar = (name: string, length: number, isNullable = false) => ({ name, type: 'varchar', length: String(length), isNullable });
    await q.createTable(
      new Table({
        name: 'held_entry',
        columns: [
          { ...varchar('id', 36), isPrimary: true },
          varchar('stageId', 36),
          varchar('categoryId', 36),
          varchar('teamId', 36, true),
          { name: 'entry', type: 'text' },
          varchar('refusalKey', 80),
          varchar('refusalMessage', 500),
          varchar('heldById', 60),
          varchar('heldByName', 200),
          varchar('heldByRole', 20),
          varchar('heldAt', 32),
          varchar('status', 20),
          varchar('resolvedAction', 20, true),
          varchar('resolvedReason', 500, true),
          varchar('resolvedById', 60, true),
          varchar('resolvedByName', 200, true),
          varchar('resolvedAt', 32, true),
        ],
        indices: [new TableIndex({ columnNames: ['stageId', 'status'] })],
      }),
    );
    await this.protectHeldEntries(q);
  }

  /** Nothing in the queue is deleted, and a settled entry stays as it was settled, in the database itself. */
  private async protectHeldEntries(q: QueryRunner): Promise<void> {
    if (q.connection.options.type === 'postgres') {
      await q.query(`CREATE FUNCTION held_entry_kept() RETURNS trigger AS $$
        BEGIN
          IF TG_OP = 'DELETE' THEN RAISE EXCEPTION 'held_entry rows are never deleted'; END IF;
          IF OLD.status <> 'open' THEN RAISE EXCEPTION 'held_entry: a settled entry does not change'; END IF;
          RETURN NEW;
        END; $$ LANGUAGE plpgsql`);
      await q.query(`CREATE TRIGGER held_entry_kept BEFORE UPDATE OR DELETE ON held_entry
        FOR EACH ROW EXECUTE FUNCTION held_entry_kept()`);
      return;
    }
    await q.query(`CREATE TRIGGER held_entry_no_delete BEFORE DELETE ON held_entry
      BEGIN SELECT RAISE(ABORT, 'held_entry rows are never deleted'); END`);
    await q.query(`CREATE TRIGGER held_entry_settled_once BEFORE UPDATE ON held_entry WHEN OLD.status <> 'open'
      BEGIN SELECT RAISE(ABORT, 'held_entry: a settled entry does not change'); END`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('held_entry');
    if (q.connection.options.type === 'postgres') await q.query('DROP FUNCTION held_entry_kept()');
  }
}
