// @ts-check
// `npm test`'s entry point run for real, with a small command in place of the suites: it starts a
// throwaway PostgreSQL cluster, hands it to the command, and removes it however the command ends.
const fs = require('node:fs');
const path = require('node:path');
const { spawn } = require('node:child_process');
const { describe, expect, it } = require('@jest/globals');

const root = path.resolve(__dirname, '../..');

/** What the suites would see: the database, whether it is required, and mosquitto on the PATH. */
const suitesStandIn = `
const { Client } = require('pg');
const client = new Client({ connectionString: process.env.TEST_POSTGRES_URL });
client.connect()
  .then(() => client.query('CREATE DATABASE olympiad_runner_check'))
  .then(() => client.end())
  .then(() => {
    console.log('created a database; required=' + process.env.TEST_POSTGRES_REQUIRED + '; sbin on PATH=' + process.env.PATH.split(':').includes('/usr/sbin'));
    if (process.argv[1] === 'wait') { console.log('waiting'); setInterval(() => undefined, 60000); }
    else process.exitCode = Number(process.argv[1] ?? 0);
  });
`;

/**
 * @param {string[]} command what runs in place of the suites
 * @param {NodeJS.ProcessEnv} env
 */
function runTests(command, env = {}) {
  const base = { ...process.env };
  delete base.TEST_POSTGRES_URL;
  delete base.TEST_POSTGRES_REQUIRED;
  const runner = spawn(process.execPath, ['tools/test-setup/run-tests.js', ...command], {
    cwd: root,
    env: { ...base, ...env },
  });
  let output = '';
  /** @type {{ pattern: RegExp; resolve(match: RegExpMatchArray): void }[]} */
  const waiting = [];
  const collect = (/** @type {Buffer} */ chunk) => {
    output += chunk.toString();
    for (const wait of waiting) {
      const match = output.match(wait.pattern);
      if (match) wait.resolve(match);
    }
  };
  runner.stdout.on('data', collect);
  runner.stderr.on('data', collect);
  const exited = new Promise((resolve) =>
    runner.on('exit', (code, signal) => resolve({ code, signal, output })),
  );
  return {
    runner,
    /** @type {Promise<{ code: number | null; signal: string | null; output: string }>} */
    exited: /** @type {any} */ (exited),
    /** @param {RegExp} pattern @returns {Promise<RegExpMatchArray>} */
    seen: (pattern) =>
      new Promise((resolve) => {
        const match = output.match(pattern);
        if (match) resolve(match);
        else waiting.push({ pattern, resolve });
      }),
  };
}

const clusterDirOf = (/** @type {string} */ output) =>
  /throwaway cluster in (\S+) /.exec(output)?.[1];

describe('npm test (tools/test-setup/run-tests.js)', () => {
  it('gives the suites a throwaway PostgreSQL, requires it, and deletes it after they pass', async () => {
    const { exited } = runTests(['node', '-e', suitesStandIn, '0']);
    const { code, output } = await exited;
    expect(output).toContain('created a database; required=1; sbin on PATH=true');
    expect(code).toBe(0);
    const dir = clusterDirOf(output);
    expect(dir).toBeDefined();
    expect(fs.existsSync(/** @type {string} */ (dir))).toBe(false);
    expect(output).toContain('throwaway PostgreSQL stopped and deleted');
  });

  it('passes a failure on and still deletes the cluster', async () => {
    const { code, output } = await runTests(['node', '-e', suitesStandIn, '3']).exited;
    expect(output).toContain('created a database');
    expect(code).toBe(3);
    expect(fs.existsSync(/** @type {string} */ (clusterDirOf(output)))).toBe(false);
  });

  it('stops the suites and deletes the cluster on Ctrl-C', async () => {
    const run = runTests(['node', '-e', suitesStandIn, 'wait']);
    await run.seen(/waiting/);
    const dir = (await run.seen(/throwaway cluster in (\S+) /))[1];
    expect(fs.existsSync(dir)).toBe(true);
    run.runner.kill('SIGINT');
    const { code } = await run.exited;
    expect(code).toBe(130);
    expect(fs.existsSync(dir)).toBe(false);
  });

  it('uses the PostgreSQL of TEST_POSTGRES_URL when given, starting none', async () => {
    const given = 'postgres://someone:secret@192.0.2.7:6543/postgres';
    const { code, output } = await runTests(
      ['node', '-e', 'console.log("url=" + process.env.TEST_POSTGRES_URL)'],
      { TEST_POSTGRES_URL: given },
    ).exited;
    expect(code).toBe(0);
    expect(output).toContain(`url=${given}`);
    expect(output).toContain('PostgreSQL suites on TEST_POSTGRES_URL (192.0.2.7:6543)');
    expect(clusterDirOf(output)).toBeUndefined();
  });
});
