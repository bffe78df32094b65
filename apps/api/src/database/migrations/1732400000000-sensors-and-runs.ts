import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';

/** The sensor event log, timed field runs, and device health and Mosquitto hash columns. */
export class SensorsAndRuns1732400000000 implements MigrationInterface {
  name = 'SensorsAndRuns1732400000000';

  async up(q: QueryRunner): Promise<void> {
    const varchar = (name: string, length: number, isNullable = false) => ({ name, type: 'varchar', length: String(length), isNullable });
    await q.createTable(
      new Table({
        name: 'sensor_event',
        columns: [
          { ...varchar('id', 36), isPrimary: true },
          varchar('deviceId', 40),
          varchar('fieldId', 36, true),
          varchar('boot', 40),
          { name: 'seq', type: 'integer' },
          { name: 'deviceTimeUs', type: 'bigint' },
          varchar('type', 20),
          varchar('gate', 20, true),
          { name: 'payload', type: 'text' },
          varchar('runId', 36, true),
          varchar('receivedAt', 32),
        ],
        indices: [
          new TableIndex({ columnNames: ['deviceId', 'boot', 'seq'], isUnique: true }),
          new TableIndex({ columnNames: ['fieldId', 'receivedAt'] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'field_run',
        columns: [
          { ...varchar('id', 36), isPrimary: true },
          varchar('fieldId', 36),
          varchar('categoryId', 36),
          varchar('teamId', 36),
          { name: 'attempt', type: 'integer' },
          varchar('state', 24),
          varchar('armedBy', 60),
          varchar('armedAt', 32),
          varchar('startEventId', 36, true),
          varchar('finishEventId', 36, true),
          varchar('startedAt', 32, true),
          { name: 'durationMs', type: 'integer', isNullable: true },
          varchar('entryId', 36, true),
          varchar('reason', 40, true),
        ],
        indices: [new TableIndex({ columnNames: ['fieldId', 'state'] })],
      }),
    );
    const postgres = q.connection.options.type === 'postgres';
    await q.addColumns('device', [
      new TableColumn(varchar('mosquittoHash', 200, true)),
      new TableColumn({ name: 'online', type: 'boolean', default: postgres ? 'false' : '0' }),
      new TableColumn(varchar('lastSeenAt', 32, true)),
      new TableColumn(varchar('fw', 40, true)),
      new TableColumn(varchar('boot', 40, true)),
      new TableColumn({ name: 'battery', type: 'integer', isNullable: true }),
      new TableColumn({ name: 'rssi', type: 'integer', isNullable: true }),
    ]);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const column of ['rssi', 'battery', 'boot', 'fw', 'lastSeenAt', 'online', 'mosquittoHash']) {
      await q.dropColumn('device', column);
    }
    await q.dropTable('field_run');
    await q.dropTable('sensor_event');
  }
}
