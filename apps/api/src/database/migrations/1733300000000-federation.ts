import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';

/**
 * Federation (docs/federation.md): on the republic server, which venue owns a stage and what it
 * sent that could not be applied; on the venue, its link and what the republic acknowledged.
 * Categories keep when they were locked and published, and the template's rule set they came with.
 */
export class Federation1733300000000 implements MigrationInterface {
  name = 'Federation1733300000000';

  async up(q: QueryRunner): Promise<void> {
    const varchar = (name: string, length: number, isNullable = false) => ({
      name,
      type: 'varchar',
      length: String(length),
      isNullable,
    });
    const integer = (name: string) => ({ name, type: 'integer', default: 0 });
    await q.createTable(
      new Table({
        name: 'venue_link',
        columns: [
          { ...varchar('stageId', 36), isPrimary: true },
          varchar('publicKey', 64, true),
          varchar('codeHash', 64, true),
          varchar('codeExpiresAt', 32, true),
          varchar('claimedCodeHash', 64, true),
          varchar('linkedAt', 32, true),
          varchar('lastContactAt', 32, true),
          varchar('lastDataAt', 32, true),
          integer('snapshotNo'),
          integer('venuePending'),
          varchar('lastVia', 10, true),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'federation_conflict',
        columns: [
          { ...varchar('id', 36), isPrimary: true },
          varchar('stageId', 36),
          varchar('itemKind', 20),
          varchar('itemId', 60),
          varchar('reason', 30),
          { name: 'stored', type: 'text', isNullable: true },
          { name: 'arriving', type: 'text' },
          varchar('arrivingHash', 64),
          varchar('arrivedAt', 32),
          varchar('via', 10),
        ],
        indices: [
          new TableIndex({ columnNames: ['stageId'] }),
          new TableIndex({ columnNames: ['itemId', 'arrivingHash'], isUnique: true }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'republic_link',
        columns: [
          { ...varchar('stageId', 36), isPrimary: true },
          varchar('republicUrl', 500, true),
          varchar('claimSecret', 100, true),
          {
            name: 'claimed',
            type: 'boolean',
            default: q.connection.options.type === 'postgres' ? 'false' : '0',
          },
          varchar('linkedAt', 32),
          varchar('lastAttemptAt', 32, true),
          varchar('lastAckAt', 32, true),
          varchar('lastError', 500, true),
          integer('snapshotNo'),
          varchar('ackedSnapshotHash', 64, true),
          integer('conflicts'),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'federation_ack',
        columns: [
          { ...varchar('entryId', 36), isPrimary: true },
          varchar('stageId', 36),
          varchar('ackedAt', 32),
        ],
        indices: [new TableIndex({ columnNames: ['stageId'] })],
      }),
    );
    // Plain ALTERs: TypeORM's addColumn rebuilds a SQLite table.
    for (const column of ['lockedAt', 'publishedAt']) {
      await q.query(`ALTER TABLE "category" ADD COLUMN "${column}" varchar(32)`);
    }
    await q.query(`ALTER TABLE "category" ADD COLUMN "templateRuleSet" text`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const column of ['templateRuleSet', 'publishedAt', 'lockedAt']) {
      await q.query(`ALTER TABLE "category" DROP COLUMN "${column}"`);
    }
    for (const table of ['federation_ack', 'republic_link', 'federation_conflict', 'venue_link']) {
      await q.dropTable(table);
    }
  }
}
