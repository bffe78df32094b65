// @ts-check
// A PostgreSQL cluster that lives for one test run: initdb into a temporary folder, the server on a
// free loopback port with its unix socket in that folder, stopped and deleted afterwards
// (docs/testing.md). PostgreSQL refuses to run as root, so root runs it as the `postgres` user.
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { randomBytes } = require('node:crypto');
const { spawnSync } = require('node:child_process');

const ROLE = 'olympiad_test';
const PREFIX = 'olympiad-postgres-';
/** Holds the process id of the run that owns the cluster. */
const OWNER_FILE = 'owner.pid';

/**
 * Who the server runs as: this user, or for root an unprivileged system user.
 * @param {number} uid
 * @param {(name: string) => boolean} userExists
 * @returns {string | undefined} a user name, or undefined for this user
 */
function serverUser(uid, userExists) {
  if (uid !== 0) return undefined;
  return userExists('postgres') ? 'postgres' : 'nobody';
}

/** @param {string} name */
function idsOf(name) {
  const id = (/** @type {string} */ flag) => spawnSync('id', [flag, name], { encoding: 'utf8' });
  const uid = id('-u');
  const gid = id('-g');
  return uid.status === 0 && gid.status === 0
    ? { uid: Number(uid.stdout), gid: Number(gid.stdout) }
    : undefined;
}

/** @param {number} pid */
function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return /** @type {NodeJS.ErrnoException} */ (error).code === 'EPERM';
  }
}

/** @returns {Promise<number>} */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        address && typeof address === 'object'
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

/**
 * Runs a program of binDir in dir, as `user` when given (through runuser; this process is root).
 * @param {{ binDir: string; dir: string; user?: string }} where
 * @param {string} program
 * @param {string[]} args
 */
function runPostgres({ binDir, dir, user }, program, args) {
  const command = user
    ? ['runuser', '-u', user, '--', path.join(binDir, program), ...args]
    : [path.join(binDir, program), ...args];
  return spawnSync(command[0], command.slice(1), { cwd: dir, encoding: 'utf8' });
}

/**
 * Stops the server of a cluster folder, if it runs, and deletes the folder.
 * @param {{ binDir: string; dir: string; user?: string }} where
 */
function removeCluster(where) {
  const data = path.join(where.dir, 'data');
  if (fs.existsSync(path.join(data, 'postmaster.pid'))) {
    const fast = runPostgres(where, 'pg_ctl', ['-D', data, '-m', 'fast', '-w', '-t', '30', 'stop']);
    if (fast.status !== 0)
      runPostgres(where, 'pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
  }
  fs.rmSync(where.dir, { recursive: true, force: true });
}

/**
 * Removes the clusters of earlier runs that were killed outright (SIGKILL), whose owner process is
 * gone; clusters of runs still going stay.
 * @param {{ binDir: string; tmpDir: string }} options
 */
function removeAbandonedClusters({ binDir, tmpDir }) {
  const myUid = process.getuid?.() ?? -1;
  for (const name of fs.readdirSync(tmpDir).filter((entry) => entry.startsWith(PREFIX))) {
    const dir = path.join(tmpDir, name);
    const ownerFile = path.join(dir, OWNER_FILE);
    if (!fs.existsSync(ownerFile)) continue;
    const owner = Number.parseInt(fs.readFileSync(ownerFile, 'utf8'), 10);
    const folderUid = fs.statSync(dir).uid;
    if (!Number.isInteger(owner) || isAlive(owner) || (myUid !== 0 && folderUid !== myUid))
      continue;
    const user =
      myUid === 0 && folderUid !== 0
        ? spawnSync('id', ['-nu', String(folderUid)], { encoding: 'utf8' }).stdout.trim()
        : undefined;
    removeCluster({ binDir, dir, user });
  }
}

/**
 * @typedef {{ url: string; dir: string; port: number; stop(): void }} ThrowawayPostgres
 */

/**
 * @param {{ binDir: string; tmpDir?: string }} options binDir holds initdb and pg_ctl
 * @returns {Promise<ThrowawayPostgres>}
 */
async function startThrowawayPostgres({ binDir, tmpDir = os.tmpdir() }) {
  removeAbandonedClusters({ binDir, tmpDir });
  const dir = fs.mkdtempSync(path.join(tmpDir, PREFIX));
  fs.writeFileSync(path.join(dir, OWNER_FILE), String(process.pid));
  const user = serverUser(process.getuid?.() ?? -1, (name) => idsOf(name) !== undefined);
  const where = { binDir, dir, user };
  const data = path.join(dir, 'data');
  const logFile = path.join(dir, 'server.log');
  const password = randomBytes(18).toString('hex');
  const passwordFile = path.join(dir, 'password');
  const stop = () => removeCluster(where);

  try {
    fs.writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
    if (user) {
      const ids = idsOf(user);
      if (!ids) throw new Error(`no user ${user} to run PostgreSQL as`);
      fs.chownSync(dir, ids.uid, ids.gid);
      fs.chownSync(passwordFile, ids.uid, ids.gid);
      if (spawnSync('runuser', ['-u', user, '--', 'test', '-r', passwordFile]).status !== 0) {
        throw new Error(
          `The ${user} user cannot enter ${tmpDir}, where the throwaway PostgreSQL lives: set TMPDIR to a folder others may enter, such as /tmp.`,
        );
      }
    }
    const init = runPostgres(where, 'initdb', [
      '-D',
      data,
      '-U',
      ROLE,
      `--pwfile=${passwordFile}`,
      '--auth=scram-sha-256',
      '--no-locale',
      '--encoding=UTF8',
      '--no-sync',
    ]);
    if (init.status !== 0) {
      throw new Error(`initdb failed:\n${init.stdout}${init.stderr}${init.error ?? ''}`);
    }
    fs.appendFileSync(
      path.join(data, 'postgresql.conf'),
      // A throwaway database: nothing needs to survive a crash of the machine.
      [
        "listen_addresses = '127.0.0.1'",
        `unix_socket_directories = '${dir}'`,
        'fsync = off',
        'synchronous_commit = off',
        'full_page_writes = off',
        '',
      ].join('\n'),
    );
    // Another program may take the free port before the server binds it: then try another.
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      fs.appendFileSync(path.join(data, 'postgresql.conf'), `port = ${port}\n`);
      const start = runPostgres(where, 'pg_ctl', [
        '-D',
        data,
        '-l',
        logFile,
        '-w',
        '-t',
        '60',
        'start',
      ]);
      if (start.status === 0) {
        return {
          url: `postgres://${ROLE}:${password}@127.0.0.1:${port}/postgres`,
          dir,
          port,
          stop,
        };
      }
      const log = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '';
      if (attempt < 3 && /could not bind|already in use/i.test(log)) continue;
      throw new Error(`PostgreSQL did not start:\n${start.stdout}${start.stderr}${log}`);
    }
  } catch (error) {
    stop();
    throw error;
  }
}

module.exports = { freePort, serverUser, startThrowawayPostgres };
