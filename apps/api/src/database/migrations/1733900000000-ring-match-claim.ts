import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';

/** The sumo match each ring was called to (docs/rules.md#schedules). */
export class RingMatchClaim1733900000000 implements MigrationInterface {
  name = 'RingMatchClaim1733900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'ring_match_claim',
        columns: [
          { name: 'categoryId', type: 'varchar', length: '36', isPrimary: true },
          { name: 'matchId', type: 'varchar', length: '20', isPrimary: true },
          { name: 'fieldId', type: 'varchar', length: '36' },
          { name: 'claimedAt', type: 'varchar', length: '32' },
        ],
        indices: [new TableIndex({ columnNames: ['fieldId'] })],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('ring_match_claim');
  }
}
