import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Client } from 'pg';
import { freshPostgresDatabase } from '../support/fresh-postgres';

/* eslint-disable @nx/enforce-module-boundaries -- the day makes its cluster as the test setup does, not with a copy that could drift */
const { postgresBinDir, realSystem } = require('../../tools/test-setup/required-packages') as {
  postgresBinDir(system: unknown): string | undefined;
  realSystem(): unknown;
};
const { startThrowawayPostgres } = require('../../tools/test-setup/throwaway-postgres') as {
  startThrowawayPostgres(options: {
    binDir: string;
  }): Promise<{ url: string; dir: string; port: number; stop(): void }>;
};
/* eslint-enable @nx/enforce-module-boundaries */

/**
 * A PostgreSQL cluster the chaos day owns, made as `npm test` makes its throwaway one
 * (tools/test-setup/throwaway-postgres.js), so that the day can restart it under the server.
 */
export class DayPostgres {
  private constructor(
    private readonly binDir: string,
    private readonly cluster: { url: string; dir: string; stop(): void },
    readonly databaseUrl: string,
  ) {}

  static async start(): Promise<DayPostgres> {
    const binDir = postgresBinDir(realSystem());
    if (!binDir) throw new Error('PostgreSQL is missing: apt-get install postgresql');
    const cluster = await startThrowawayPostgres({ binDir });
    // The throwaway cluster trades durability for speed (fsync and synchronous_commit off); a
    // crash of it would lose commits the server already acknowledged. Durable, as in production.
    const admin = new Client({ connectionString: cluster.url });
    await admin.connect();
    try {
      for (const setting of ['fsync', 'synchronous_commit', 'full_page_writes'])
        await admin.query(`ALTER SYSTEM SET ${setting} = on`);
      await admin.query('SELECT pg_reload_conf()');
    } finally {
      await admin.end();
    }
    return new DayPostgres(binDir, cluster, await freshPostgresDatabase(cluster.url));
  }

  /**
   * `pg_ctl restart -m immediate`: every connection is cut and the server recovers from its WAL, as
   * after a crash of the database server; it answers again once recovery is done.
   */
  restart(): void {
    this.pgCtl(['-m', 'immediate', 'restart']);
  }

  /** Stops the server (fast: open transactions are rolled back) until `start()`. */
  stopServer(): void {
    this.pgCtl(['-m', 'fast', 'stop']);
  }

  start(): void {
    this.pgCtl(['start']);
  }

  private pgCtl(command: string[]): void {
    const data = path.join(this.cluster.dir, 'data');
    const owner = spawnSync('stat', ['-c', '%U', this.cluster.dir], {
      encoding: 'utf8',
    }).stdout.trim();
    const pgCtl = path.join(this.binDir, 'pg_ctl');
    const args = [
      '-D',
      data,
      '-l',
      path.join(this.cluster.dir, 'server.log'),
      '-w',
      '-t',
      '60',
      ...command,
    ];
    const asOwner = process.getuid?.() === 0 && owner !== 'root';
    const run = asOwner
      ? spawnSync('runuser', ['-u', owner, '--', pgCtl, ...args], { encoding: 'utf8' })
      : spawnSync(pgCtl, args, { encoding: 'utf8' });
    if (run.status !== 0) {
      const log = path.join(this.cluster.dir, 'server.log');
      throw new Error(
        `pg_ctl ${command.join(' ')} failed:\n${run.stdout}${run.stderr}${fs.existsSync(log) ? fs.readFileSync(log, 'utf8').slice(-2_000) : ''}`,
      );
    }
  }

  stop(): void {
    this.cluster.stop();
  }
}
