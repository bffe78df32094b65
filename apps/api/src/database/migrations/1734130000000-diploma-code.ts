import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';

/** Check codes of printed diplomas and certificates (docs/diplomas.md). */
export class DiplomaCode1734130000000 implements MigrationInterface {
  name = 'DiplomaCode1734130000000';

  async up(q: QueryRunner): Promise<void> {
    const varchar = (name: string, length: number, isNullable = false) => ({
      name,
      type: 'varchar',
      length: String(length),
      isNullable,
    });
    await q.createTable(
      new Table({
        name: 'diploma_code',
        columns: [
          { ...varchar('code', 16), isPrimary: true },
          varchar('stageId', 36),
          varchar('categoryId', 36),
          varchar('teamId', 36),
          varchar('recipient', 200),
          varchar('fingerprint', 64),
          { name: 'content', type: 'text' },
          varchar('issuedAt', 32),
          varchar('supersededBy', 16, true),
        ],
        indices: [new TableIndex({ columnNames: ['categoryId', 'teamId', 'recipient'] })],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('diploma_code');
  }
}
