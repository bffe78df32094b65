// @ts-check
// The system programs the tests start, and the Debian package each comes from (docs/testing.md).
const fs = require('node:fs');
const path = require('node:path');

/**
 * @typedef {object} System what the checks may look at; the real one reads the file system
 * @property {(file: string) => boolean} exists
 * @property {(dir: string) => string[]} list
 * @property {NodeJS.ProcessEnv} env
 */

/** Where Debian installs programs: /usr/sbin (mosquitto) is not on an ordinary user's PATH. */
const SYSTEM_DIRS = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];

/**
 * The PATH the tests run with: the caller's, then the system folders it lacks.
 * @param {NodeJS.ProcessEnv} env
 */
function searchPath(env) {
  const dirs = (env.PATH ?? '').split(path.delimiter).filter(Boolean);
  return [...new Set([...dirs, ...SYSTEM_DIRS])];
}

/**
 * @param {System} system
 * @param {string} program
 */
function onPath(system, program) {
  return searchPath(system.env).some((dir) => system.exists(path.join(dir, program)));
}

/**
 * The bin folder of the newest PostgreSQL server installed the Debian way, if any.
 * @param {System} system
 * @returns {string | undefined}
 */
function postgresBinDir(system) {
  const root = '/usr/lib/postgresql';
  const versions = system
    .list(root)
    .filter((name) => /^\d+(\.\d+)?$/.test(name))
    .sort((a, b) => Number(b) - Number(a));
  return versions
    .map((version) => path.join(root, version, 'bin'))
    .find(
      (bin) => system.exists(path.join(bin, 'initdb')) && system.exists(path.join(bin, 'pg_ctl')),
    );
}

/** @typedef {{ package: string; part: string; present(system: System): boolean }} Part */

/** @type {Part[]} */
const PARTS = [
  {
    package: 'chromium',
    part: 'Chromium (browser tests)',
    present: (s) => s.exists(s.env.CHROMIUM_PATH || '/usr/bin/chromium'),
  },
  { package: 'mosquitto', part: 'Mosquitto (MQTT tests)', present: (s) => onPath(s, 'mosquitto') },
  { package: 'socat', part: 'socat (serial bridge test)', present: (s) => onPath(s, 'socat') },
  {
    package: 'poppler-utils',
    part: 'pdftotext (PDF checks)',
    present: (s) => onPath(s, 'pdftotext'),
  },
  {
    package: 'libnss3-tools',
    part: 'certutil (the browser test that trusts the venue CA)',
    present: (s) => onPath(s, 'certutil'),
  },
  {
    package: 'iproute2',
    part: 'ip (the flaky Wi-Fi test builds its own network namespace)',
    present: (s) => onPath(s, 'ip'),
  },
  {
    package: 'python3',
    part: "python3 (the flaky Wi-Fi test's lossy link where the kernel has no netem)",
    present: (s) => onPath(s, 'python3'),
  },
  {
    package: 'postgresql',
    part: 'PostgreSQL server binaries initdb and pg_ctl (throwaway test database)',
    present: (s) => postgresBinDir(s) !== undefined,
  },
  {
    package: 'redis-server',
    part: 'Redis (live fan-out and shared limits across replicas)',
    present: (s) => onPath(s, 'redis-server'),
  },
  {
    package: 'haproxy',
    part: 'HAProxy (the load balancer in front of replicas)',
    present: (s) => onPath(s, 'haproxy'),
  },
  {
    package: 'faketime',
    part: "libfaketime (the chaos day moves the server's wall clock)",
    present: (s) => onPath(s, 'faketime'),
  },
  {
    package: 'sqlite3',
    part: 'sqlite3 (the full-disk tests check the database with PRAGMA integrity_check)',
    present: (s) => onPath(s, 'sqlite3'),
  },
];

/**
 * The parts the tests need that this machine lacks.
 * @param {System} system
 * @returns {Part[]}
 */
function missingParts(system) {
  return PARTS.filter((part) => !part.present(system));
}

/**
 * This machine.
 * @param {NodeJS.ProcessEnv} env
 * @returns {System}
 */
function realSystem(env = process.env) {
  return {
    env,
    exists: (file) => fs.existsSync(file),
    list: (dir) => (fs.existsSync(dir) ? fs.readdirSync(dir) : []),
  };
}

module.exports = { PARTS, missingParts, onPath, postgresBinDir, realSystem, searchPath };
