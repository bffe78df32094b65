import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';

/**
 * Protests and their photos (docs/rules.md#protests). A protest is decided once and never deleted;
 * a photo is never changed nor deleted: the database itself refuses it.
 */
export class Protests1733860000000 implements MigrationInterface {
  name = 'Protests1733860000000';

  async up(q: QueryRunner): Promise<void> {
    const varchar = (name: string, length: number, isNullable = false) => ({
      name,
      type: 'varchar',
      length: String(length),
      isNullable,
    });
    await q.createTable(
      new Table({
        name: 'protest',
        columns: [
          { ...varchar('id', 36), isPrimary: true },
          varchar('stageId', 36),
          varchar('categoryId', 36),
          varchar('teamId', 36),
          { name: 'target', type: 'text' },
          varchar('protestedBy', 200),
          varchar('receivedAt', 32),
          varchar('recordedById', 60),
          varchar('recordedByName', 200),
          varchar('reason', 1000),
          varchar('status', 20),
          varchar('decidedById', 60, true),
          varchar('decidedByName', 200, true),
          varchar('decidedAt', 32, true),
          varchar('decisionReason', 500, true),
          varchar('correctionEntryId', 36, true),
        ],
        indices: [
          new TableIndex({ columnNames: ['stageId', 'status'] }),
          new TableIndex({ columnNames: ['categoryId', 'status'] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'protest_attachment',
        columns: [
          { ...varchar('id', 36), isPrimary: true },
          varchar('protestId', 36),
          varchar('contentType', 40),
          { name: 'bytes', type: 'integer' },
          { name: 'data', type: 'text' },
        ],
        indices: [new TableIndex({ columnNames: ['protestId'] })],
      }),
    );
    await this.protect(q);
  }

  private async protect(q: QueryRunner): Promise<void> {
    if (q.connection.options.type === 'postgres') {
      await q.query(`CREATE FUNCTION protest_kept() RETURNS trigger AS $$
        BEGIN
          IF TG_OP = 'DELETE' THEN RAISE EXCEPTION 'protest rows are never deleted'; END IF;
          IF OLD.status <> 'open' THEN RAISE EXCEPTION 'protest: a decided protest does not change'; END IF;
          RETURN NEW;
        END; $$ LANGUAGE plpgsql`);
      await q.query(`CREATE TRIGGER protest_kept BEFORE UPDATE OR DELETE ON protest
        FOR EACH ROW EXECUTE FUNCTION protest_kept()`);
      await q.query(`CREATE FUNCTION protest_attachment_kept() RETURNS trigger AS $$
        BEGIN RAISE EXCEPTION 'protest_attachment rows are append-only'; END; $$ LANGUAGE plpgsql`);
      await q.query(`CREATE TRIGGER protest_attachment_kept BEFORE UPDATE OR DELETE ON protest_attachment
        FOR EACH ROW EXECUTE FUNCTION protest_attachment_kept()`);
      return;
    }
    await q.query(`CREATE TRIGGER protest_no_delete BEFORE DELETE ON protest
      BEGIN SELECT RAISE(ABORT, 'protest rows are never deleted'); END`);
    await q.query(`CREATE TRIGGER protest_decided_once BEFORE UPDATE ON protest WHEN OLD.status <> 'open'
      BEGIN SELECT RAISE(ABORT, 'protest: a decided protest does not change'); END`);
    await q.query(`CREATE TRIGGER protest_attachment_no_update BEFORE UPDATE ON protest_attachment
      BEGIN SELECT RAISE(ABORT, 'protest_attachment rows are append-only'); END`);
    await q.query(`CREATE TRIGGER protest_attachment_no_delete BEFORE DELETE ON protest_attachment
      BEGIN SELECT RAISE(ABORT, 'protest_attachment rows are append-only'); END`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('protest_attachment');
    await q.dropTable('protest');
    if (q.connection.options.type === 'postgres') {
      await q.query('DROP FUNCTION protest_attachment_kept()');
      await q.query('DROP FUNCTION protest_kept()');
    }
  }
}
