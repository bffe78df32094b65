import '../register-paths';
import 'reflect-metadata';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/app-config';
import { dataSourceOptions } from './data-source-options';

/**
 * `npm run migration:generate -- AddSomething`: migrates the configured database, asks TypeORM
 * what the entities still need, and writes that as a new migration file. Review it, make it run on
 * both SQLite and PostgreSQL (see the initial migration), and list it in migrations/index.ts.
 */
async function main(): Promise<void> {
  const name = process.argv[2];
  if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
    throw new Error('Give the migration a PascalCase name: npm run migration:generate -- AddDisplays');
  }
  const config = loadConfig();
  const dataSource = new DataSource(dataSourceOptions(config.database));
  await dataSource.initialize();
  const { upQueries, downQueries } = await dataSource.driver.createSchemaBuilder().log();
  await dataSource.destroy();
  if (upQueries.length === 0) {
    console.log('The entities and the migrations agree: nothing to generate.');
    return;
  }
  const stamp = Date.now();
  const quote = (sql: string) => JSON.stringify(sql);
  const file = path.resolve(__dirname, '../../../../../apps/api/src/database/migrations', `${stamp}-${name}.ts`);
  fs.writeFileSync(
    file,
    `import { MigrationInterface, QueryRunner } from 'typeorm';

export class ${name}${stamp} implements MigrationInterface {
  name = '${name}${stamp}';

  async up(q: QueryRunner): Promise<void> {
${upQueries.map((query) => `    await q.query(${quote(query.query)});`).join('\n')}
  }

  async down(q: QueryRunner): Promise<void> {
${[...downQueries].reverse().map((query) => `    await q.query(${quote(query.query)});`).join('\n')}
  }
}
`,
  );
  console.log(`Wrote ${file}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
