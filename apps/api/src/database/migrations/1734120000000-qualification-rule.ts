import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';

/** The rule each regional stage's qualifiers were chosen by, kept with the target stage (docs/qualification-rules.md). */
export class QualificationRule1734120000000 implements MigrationInterface {
  name = 'QualificationRule1734120000000';

  async up(q: QueryRunner): Promise<void> {
    const varchar = (name: string, length: number) => ({
      name,
      type: 'varchar',
      length: String(length),
    });
    await q.createTable(
      new Table({
        name: 'qualification_rule',
        columns: [
          { ...varchar('targetStageId', 36), isPrimary: true },
          { ...varchar('sourceStageId', 36), isPrimary: true },
          { name: 'rule', type: 'text' },
          varchar('setBy', 60),
          varchar('setAt', 32),
        ],
        indices: [new TableIndex({ columnNames: ['targetStageId'] })],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('qualification_rule');
  }
}
