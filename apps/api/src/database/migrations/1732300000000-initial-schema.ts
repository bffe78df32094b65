import { MigrationInterface, QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';
import type { TableColumnOptions } from 'typeorm/schema-builder/options/TableColumnOptions';
import { REGIONS } from '@olympiad/contracts';

/**
 * The first schema, written with TypeORM's table builder so the same migration runs on SQLite and
 * PostgreSQL. The integration suite checks that the entities and the migrated schema agree.
 */
const uuid = (name: string, extra: Partial<TableColumnOptions> = {}): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: '36',
  ...extra,
});
const text = (name: string, length: number, extra: Partial<TableColumnOptions> = {}): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: String(length),
  ...extra,
});
const int = (name: string, extra: Partial<TableColumnOptions> = {}): TableColumnOptions => ({
  name,
  type: 'integer',
  ...extra,
});
/** Boolean defaults are spelled differently by the two databases (0/1 in SQLite, false/true in PostgreSQL). */
const bool = (q: QueryRunner, name: string, value: boolean): TableColumnOptions => ({
  name,
  type: 'boolean',
  default: q.connection.options.type === 'postgres' ? String(value) : value ? '1' : '0',
});
const fk = (column: string, table: string, onDelete = 'RESTRICT', referenced = 'id') =>
  new TableForeignKey({ columnNames: [column], referencedTableName: table, referencedColumnNames: [referenced], onDelete });

export class InitialSchema1732300000000 implements MigrationInterface {
  name = 'InitialSchema1732300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({ name: 'app_setting', columns: [text('key', 60, { isPrimary: true }), { name: 'value', type: 'text' }] }),
    );
    await q.createTable(
      new Table({
        name: 'organiser_account',
        columns: [uuid('id', { isPrimary: true }), text('username', 64), text('passwordHash', 200), text('createdAt', 32)],
        indices: [new TableIndex({ columnNames: ['username'], isUnique: true })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'region',
        columns: [
          text('code', 40, { isPrimary: true }),
          text('kind', 10),
          text('nameKk', 100),
          text('nameRu', 100),
          text('nameEn', 100),
          text('centre', 100),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'olympiad',
        columns: [uuid('id', { isPrimary: true }), text('name', 200), text('season', 20), text('createdAt', 32)],
      }),
    );
    await q.createTable(
      new Table({
        name: 'stage',
        columns: [
          uuid('id', { isPrimary: true }),
          uuid('olympiadId'),
          text('kind', 10),
          text('regionCode', 40, { isNullable: true }),
          text('name', 200),
          text('venue', 300, { default: "''" }),
          text('startsOn', 10),
          text('endsOn', 10),
          text('code', 32),
          text('status', 10, { default: "'draft'" }),
        ],
        indices: [new TableIndex({ columnNames: ['code'], isUnique: true })],
        foreignKeys: [fk('olympiadId', 'olympiad'), fk('regionCode', 'region', 'RESTRICT', 'code')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'school',
        columns: [uuid('id', { isPrimary: true }), text('name', 200), text('regionCode', 40), text('town', 200, { default: "''" })],
        foreignKeys: [fk('regionCode', 'region', 'RESTRICT', 'code')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'category',
        columns: [
          uuid('id', { isPrimary: true }),
          uuid('stageId'),
          text('discipline', 20),
          text('name', 200),
          text('ageGroupLabel', 40),
          int('minGrade'),
          int('maxGrade'),
          text('preset', 60),
          { name: 'ruleSet', type: 'text' },
          text('status', 10, { default: "'setup'" }),
          bool(q, 'published', false),
          int('standingsVersion', { default: 0 }),
        ],
        indices: [new TableIndex({ columnNames: ['stageId'] })],
        foreignKeys: [fk('stageId', 'stage')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'team',
        columns: [
          uuid('id', { isPrimary: true }),
          uuid('stageId'),
          uuid('categoryId'),
          uuid('schoolId'),
          text('name', 200),
          text('coach', 200, { default: "''" }),
          text('status', 20, { default: "'active'" }),
        ],
        indices: [new TableIndex({ columnNames: ['categoryId'] }), new TableIndex({ columnNames: ['stageId'] })],
        foreignKeys: [fk('stageId', 'stage'), fk('categoryId', 'category'), fk('schoolId', 'school')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'team_member',
        columns: [uuid('id', { isPrimary: true }), uuid('teamId'), text('name', 200), int('grade'), int('position')],
        indices: [new TableIndex({ columnNames: ['teamId'] })],
        foreignKeys: [fk('teamId', 'team', 'CASCADE')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'field',
        columns: [uuid('id', { isPrimary: true }), uuid('stageId'), text('name', 60), text('discipline', 20)],
        indices: [new TableIndex({ columnNames: ['stageId'] })],
        foreignKeys: [fk('stageId', 'stage')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'device',
        columns: [
          text('id', 40, { isPrimary: true }),
          uuid('fieldId', { isNullable: true }),
          text('label', 100, { default: "''" }),
          text('secretHash', 200),
          text('createdAt', 32),
        ],
        foreignKeys: [fk('fieldId', 'field', 'SET NULL')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'judge',
        columns: [
          uuid('id', { isPrimary: true }),
          uuid('stageId'),
          text('name', 200),
          text('role', 20),
          text('pinLookup', 64),
          text('pinHash', 200),
          bool(q, 'active', true),
        ],
        indices: [new TableIndex({ columnNames: ['stageId', 'pinLookup'], isUnique: true })],
        foreignKeys: [fk('stageId', 'stage')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'judge_assignment',
        columns: [
          uuid('id', { isPrimary: true }),
          uuid('judgeId'),
          uuid('categoryId', { isNullable: true }),
          uuid('fieldId', { isNullable: true }),
        ],
        indices: [new TableIndex({ columnNames: ['judgeId'] })],
        foreignKeys: [fk('judgeId', 'judge', 'CASCADE'), fk('categoryId', 'category', 'CASCADE'), fk('fieldId', 'field', 'CASCADE')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'ledger_entry',
        columns: [
          { name: 'seq', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          uuid('id'),
          uuid('stageId'),
          uuid('categoryId'),
          uuid('teamId', { isNullable: true }),
          text('kind', 60),
          { name: 'payload', type: 'text' },
          uuid('supersedes', { isNullable: true }),
          text('reason', 500, { isNullable: true }),
          text('authorId', 60),
          text('authorRole', 20),
          text('deviceId', 40, { isNullable: true }),
          text('recordedAt', 40),
          text('receivedAt', 32),
        ],
        indices: [
          new TableIndex({ columnNames: ['id'], isUnique: true }),
          new TableIndex({ columnNames: ['categoryId', 'seq'] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'standing',
        columns: [
          uuid('categoryId', { isPrimary: true }),
          uuid('teamId', { isPrimary: true }),
          int('place', { isNullable: true }),
          text('status', 20),
          int('primaryValue', { isNullable: true }),
          text('display', 100),
          { name: 'detail', type: 'text' },
          int('position'),
        ],
      }),
    );
    await this.protectLedger(q);
    for (const region of REGIONS) {
      await q.manager.insert('region', {
        code: region.code,
        kind: region.kind,
        nameKk: region.name.kk,
        nameRu: region.name.ru,
        nameEn: region.name.en,
        centre: region.centre,
      });
    }
  }

  /** The ledger is append-only in the database itself, not only by convention in the code. */
  private async protectLedger(q: QueryRunner): Promise<void> {
    if (q.connection.options.type === 'postgres') {
      await q.query(`CREATE FUNCTION ledger_entry_append_only() RETURNS trigger AS $$
        BEGIN RAISE EXCEPTION 'ledger_entry is append-only'; END; $$ LANGUAGE plpgsql`);
      await q.query(`CREATE TRIGGER ledger_entry_no_change BEFORE UPDATE OR DELETE ON ledger_entry
        FOR EACH ROW EXECUTE FUNCTION ledger_entry_append_only()`);
      return;
    }
    await q.query(`CREATE TRIGGER ledger_entry_no_update BEFORE UPDATE ON ledger_entry
      BEGIN SELECT RAISE(ABORT, 'ledger_entry is append-only'); END`);
    await q.query(`CREATE TRIGGER ledger_entry_no_delete BEFORE DELETE ON ledger_entry
      BEGIN SELECT RAISE(ABORT, 'ledger_entry is append-only'); END`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'standing',
      'ledger_entry',
      'judge_assignment',
      'judge',
      'device',
      'field',
      'team_member',
      'team',
      'category',
      'school',
      'stage',
      'olympiad',
      'region',
      'organiser_account',
      'app_setting',
    ]) {
      await q.dropTable(table);
    }
    if (q.connection.options.type === 'postgres') {
      await q.query('DROP FUNCTION IF EXISTS ledger_entry_append_only()');
    }
  }
}
