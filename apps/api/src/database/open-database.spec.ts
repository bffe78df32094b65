import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';
import { MIGRATIONS } from './migrations';
import { describeOnPostgres } from '../testing/each-database';
import { openDatabase } from './open-database';

/** Replicas of the republic stage start together on one PostgreSQL (docs/design.md#scale-out). */
describeOnPostgres(
  'opening a fresh PostgreSQL database from several replicas at once',
  (adminUrl) => {
    const name = `olympiad_replicas_${randomBytes(6).toString('hex')}`;
    const opened: DataSource[] = [];

    async function admin(sql: string): Promise<void> {
      const client = new Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(sql);
      await client.end();
    }

    beforeAll(() => admin(`CREATE DATABASE ${name}`));
    afterAll(async () => {
      await Promise.all(opened.map((dataSource) => dataSource.destroy()));
      await admin(`DROP DATABASE IF EXISTS ${name}`);
    });

    it('migrates once: every replica starts, each migration is recorded once', async () => {
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      const options = dataSourceOptions({ kind: 'postgres', url: url.toString() });
      opened.push(...(await Promise.all([1, 2, 3].map(() => openDatabase(options)))));
      const recorded: { name: string }[] = await opened[0].query(
        'SELECT name FROM migrations ORDER BY id',
      );
      expect(recorded.map((row) => row.name)).toEqual(
        MIGRATIONS.map((migration) => migration.name),
      );
    });
  },
);
