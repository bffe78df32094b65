// @ts-check
// Starts and stops a real throwaway cluster with Debian's initdb and pg_ctl.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { afterAll, describe, expect, it } = require('@jest/globals');
const { Client } = require('pg');
const { postgresBinDir, realSystem } = require('./required-packages');
const { startThrowawayPostgres } = require('./throwaway-postgres');

/** @param {string} url @param {(client: Client) => Promise<void>} use */
async function withClient(url, use) {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await use(client);
  } finally {
    await client.end();
  }
}

/** A process that has ended may stay a zombie until its parent (here init) reaps it. */
const isRunning = (/** @type {number} */ pid) =>
  fs.existsSync(`/proc/${pid}`) &&
  !/^State:\s+Z/m.test(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));

describe('a throwaway PostgreSQL cluster', () => {
  const binDir = postgresBinDir(realSystem());
  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'olympiad-throwaway-test-'));
  // As root, the server runs as the postgres user, who must be able to enter this folder.
  fs.chmodSync(tmpDir, 0o711);
  afterAll(() => fs.rmSync(tmpDir, { recursive: true, force: true }));

  it('serves a role that may create databases on loopback, runs unprivileged, and leaves nothing behind once stopped', async () => {
    expect(binDir).toBeDefined();
    const cluster = await startThrowawayPostgres({
      binDir: /** @type {string} */ (binDir),
      tmpDir,
    });
    let stopped = false;
    try {
      expect(path.dirname(cluster.dir)).toBe(tmpDir);
      expect(new URL(cluster.url).host).toBe(`127.0.0.1:${cluster.port}`);
      expect(fs.existsSync(path.join(cluster.dir, `.s.PGSQL.${cluster.port}`))).toBe(true);

      const serverPid = Number(
        fs.readFileSync(path.join(cluster.dir, 'data', 'postmaster.pid'), 'utf8').split('\n')[0],
      );
      const serverUid = Number(
        /^Uid:\s+(\d+)/m.exec(fs.readFileSync(`/proc/${serverPid}/status`, 'utf8'))?.[1],
      );
      expect(isRunning(serverPid)).toBe(true);
      if (process.getuid?.() === 0) expect(serverUid).not.toBe(0);
      else expect(serverUid).toBe(process.getuid?.());

      const database = `olympiad_throwaway_${process.pid}`;
      await withClient(cluster.url, async (client) => {
        await client.query(`CREATE DATABASE ${database}`);
      });
      const url = new URL(cluster.url);
      url.pathname = `/${database}`;
      await withClient(url.toString(), async (client) => {
        const { rows } = await client.query(
          'SELECT current_database() AS name, pg_encoding_to_char(encoding) AS encoding FROM pg_database WHERE datname = current_database()',
        );
        expect(rows).toEqual([{ name: database, encoding: 'UTF8' }]);
      });

      cluster.stop();
      stopped = true;
      expect(fs.existsSync(cluster.dir)).toBe(false);
      expect(isRunning(serverPid)).toBe(false);
      await expect(withClient(cluster.url, async () => undefined)).rejects.toThrow(/ECONNREFUSED/);
    } finally {
      if (!stopped) cluster.stop();
    }
  });

  it('removes the cluster of a run that was killed outright, and keeps those of runs still going', async () => {
    const start = () => startThrowawayPostgres({ binDir: /** @type {string} */ (binDir), tmpDir });
    const killed = await start();
    const running = await start();
    const killedServer = Number(
      fs.readFileSync(path.join(killed.dir, 'data', 'postmaster.pid'), 'utf8').split('\n')[0],
    );
    const goneProcess = spawnSync('true').pid;
    fs.writeFileSync(path.join(killed.dir, 'owner.pid'), String(goneProcess));
    const next = await start();
    try {
      expect(fs.existsSync(killed.dir)).toBe(false);
      expect(isRunning(killedServer)).toBe(false);
      expect(fs.existsSync(running.dir)).toBe(true);
      await withClient(running.url, async (client) => {
        expect((await client.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
      });
    } finally {
      next.stop();
      running.stop();
      killed.stop();
    }
  });

  it('removes its folder when the server cannot be set up', async () => {
    await expect(
      startThrowawayPostgres({ binDir: path.join(tmpDir, 'no-such-bin'), tmpDir }),
    ).rejects.toThrow(/initdb failed/);
    expect(fs.readdirSync(tmpDir)).toEqual([]);
  });
});
