#!/usr/bin/env node
// @ts-check
// `npm test`: checks (and installs) the system programs the tests start, gives the PostgreSQL
// suites a database (TEST_POSTGRES_URL as given, else a throwaway cluster), runs the suites
// (`npm run test:suites`, or the command after `npm test --`) and removes the cluster afterwards,
// also when the run fails or is interrupted. See docs/testing.md.
const { spawn } = require('node:child_process');
const { ensureTestPackages } = require('./install-packages');
const { postgresBinDir, realSystem, searchPath } = require('./required-packages');
const { startThrowawayPostgres } = require('./throwaway-postgres');

const log = (/** @type {string} */ line) => console.log(`[npm test] ${line}`);
const command = process.argv.slice(2);
const suites = command.length > 0 ? command : ['npm', 'run', 'test:suites'];

/** @type {(() => void) | undefined} */
let removeCluster;
/** @type {import('node:child_process').ChildProcess | undefined} */
let child;
/** @type {NodeJS.Signals | undefined} */
let interrupted;

function cleanUp() {
  const remove = removeCluster;
  removeCluster = undefined;
  if (remove) {
    remove();
    log('throwaway PostgreSQL stopped and deleted');
  }
}
process.on('exit', cleanUp);

/** @type {Record<string, number>} */
const signalNumbers = { SIGINT: 2, SIGTERM: 15, SIGHUP: 1 };
for (const signal of /** @type {NodeJS.Signals[]} */ (Object.keys(signalNumbers))) {
  process.on(signal, () => {
    interrupted = signal;
    // The suites end first (a Ctrl-C reaches them from the terminal too), then the cluster goes;
    // during the set-up, main() stops at its next step.
    if (child) child.kill(signal);
  });
}
const stopIfInterrupted = () => interrupted && process.exit(128 + signalNumbers[interrupted]);

async function main() {
  const packages = ensureTestPackages({ log });
  if (!packages.ok) {
    console.error(`\n${packages.message}`);
    process.exit(1);
  }
  stopIfInterrupted();

  let postgresUrl = process.env.TEST_POSTGRES_URL;
  if (postgresUrl) {
    log(`PostgreSQL suites on TEST_POSTGRES_URL (${new URL(postgresUrl).host})`);
  } else {
    const binDir = /** @type {string} */ (postgresBinDir(realSystem()));
    const cluster = await startThrowawayPostgres({ binDir });
    removeCluster = cluster.stop;
    stopIfInterrupted();
    postgresUrl = cluster.url;
    log(`PostgreSQL suites on a throwaway cluster in ${cluster.dir} (127.0.0.1:${cluster.port})`);
  }

  const env = {
    ...process.env,
    PATH: searchPath(process.env).join(':'),
    TEST_POSTGRES_URL: postgresUrl,
    // The PostgreSQL suites fail instead of skipping when they have no database.
    TEST_POSTGRES_REQUIRED: '1',
  };
  child = spawn(suites[0], suites.slice(1), { stdio: 'inherit', env });
  child.on('error', (error) => {
    console.error(`${suites[0]}: ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => {
    const ended = signal ?? interrupted;
    process.exit(code ?? (ended ? 128 + (signalNumbers[ended] ?? 1) : 1));
  });
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
