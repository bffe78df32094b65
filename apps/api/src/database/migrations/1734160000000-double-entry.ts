import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';

/**
 * Double entry (docs/rules.md#double-entry): each judge's blind entry is kept here, out of the
 * ledger, until its attempt is settled; no row is changed nor deleted (the database refuses it).
 * A standing row says when one of its team's attempts awaits a second entry or the head judge.
 */
export class DoubleEntry1734160000000 implements MigrationInterface {
  name = 'DoubleEntry1734160000000';

  async up(q: QueryRunner): Promise<void> {
    const varchar = (name: string, length: number, isNullable = false) => ({
      name,
      type: 'varchar',
      length: String(length),
      isNullable,
    });
    await q.createTable(
      new Table({
        name: 'double_entry',
        columns: [
          { ...varchar('id', 36), isPrimary: true },
          varchar('stageId', 36),
          varchar('categoryId', 36),
          varchar('teamId', 36, true),
          varchar('kind', 40),
          varchar('slot', 300),
          { name: 'payload', type: 'text' },
          varchar('supersedes', 36, true),
          varchar('authorId', 60),
          varchar('authorName', 200),
          varchar('authorRole', 20),
          varchar('recordedAt', 40),
          varchar('receivedAt', 32),
          varchar('ledgerEntryId', 36),
        ],
        indices: [new TableIndex({ columnNames: ['categoryId', 'slot'] })],
      }),
    );
    // Plain SQL, as for `provisional`: TypeORM's SQLite addColumn rebuilds the table from a cached
    // shape that lacks the columns earlier migrations added by hand.
    await q.query(`ALTER TABLE "standing" ADD COLUMN "review" varchar(20)`);
    if (q.connection.options.type === 'postgres') {
      await q.query(`CREATE FUNCTION double_entry_kept() RETURNS trigger AS $$
        BEGIN RAISE EXCEPTION 'double_entry rows are append-only'; END; $$ LANGUAGE plpgsql`);
      await q.query(`CREATE TRIGGER double_entry_kept BEFORE UPDATE OR DELETE ON double_entry
        FOR EACH ROW EXECUTE FUNCTION double_entry_kept()`);
      return;
    }
    await q.query(`CREATE TRIGGER double_entry_no_update BEFORE UPDATE ON double_entry
      BEGIN SELECT RAISE(ABORT, 'double_entry rows are append-only'); END`);
    await q.query(`CREATE TRIGGER double_entry_no_delete BEFORE DELETE ON double_entry
      BEGIN SELECT RAISE(ABORT, 'double_entry rows are append-only'); END`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "standing" DROP COLUMN "review"`);
    await q.dropTable('double_entry');
    if (q.connection.options.type === 'postgres') {
      await q.query('DROP FUNCTION double_entry_kept()');
    }
  }
}
