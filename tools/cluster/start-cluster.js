#!/usr/bin/env node
// @ts-check
// `npm run cluster`: the republic-stage setup of docs/deploy.md on this machine, on loopback, from
// Debian packages: a throwaway PostgreSQL, Redis, Mosquitto, two replicas of the built server and
// HAProxy in front. The first replica seeds the demo olympiad (once: the database starts empty).
// Ctrl-C stops everything and deletes the temporary folders.
const { spawn, spawnSync } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { postgresBinDir, realSystem } = require('../test-setup/required-packages');
const { freePort, startThrowawayPostgres } = require('../test-setup/throwaway-postgres');
const { haproxyConfig } = require('./haproxy-config');

const ROOT = path.resolve(__dirname, '..', '..');
const SERVER_ENTRY = path.join(ROOT, 'dist', 'api', 'apps', 'api', 'src', 'main.js');
const SERVER_USER = 'olympiad-api';
const PORT = Number(process.env.CLUSTER_PORT ?? 8080);

/** @type {{ name: string; stop(): void | Promise<void> }[]} stopped in reverse order */
const running = [];


/** @param {number} port */
function accepts(port) {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * Starts a program; resolves once `ready()` holds, rejects if it exits first.
 * @param {string} name
 * @param {string} command
 * @param {string[]} args
 * @param {{ env?: NodeJS.ProcessEnv; ready(output: string): boolean | Promise<boolean> }} options
 */
async function startProcess(name, command, args, { env, ready }) {
  const child = spawn(command, args, {
    cwd: ROOT,
    env: env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk.toString()));
  child.stderr.on('data', (chunk) => (output += chunk.toString()));
  running.push({
    name,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve(undefined);
        const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(kill);
          resolve(undefined);
        });
        child.kill('SIGTERM');
      }),
  });
  const until = Date.now() + 60_000;
  while (!(await ready(output))) {
    if (child.exitCode !== null || Date.now() > until) {
      throw new Error(`${name} did not start:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.once('exit', (code, signal) => {
    if (!stopping) console.error(`${name} exited (${signal ?? code}):\n${output.slice(-2000)}`);
  });
  return { output: () => output };
}

/**
 * @param {string} command
 * @param {string} pkg the Debian package that has it
 */
function need(command, pkg) {
  if (spawnSync('which', [command]).status !== 0) {
    throw new Error(`${command} is not installed: apt-get install ${pkg}`);
  }
}

let stopping = false;
async function stopAll() {
  if (stopping) return;
  stopping = true;
  for (const part of running.reverse()) await part.stop();
}

async function main() {
  if (!fs.existsSync(SERVER_ENTRY)) {
    throw new Error(
      `${SERVER_ENTRY} is missing: build first (npx nx run-many -t build -p api judge console leaderboard)`,
    );
  }
  need('redis-server', 'redis-server');
  need('mosquitto', 'mosquitto');
  need('haproxy', 'haproxy');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'olympiad-cluster-'));
  running.push({ name: 'folder', stop: () => fs.rmSync(dir, { recursive: true, force: true }) });

  const binDir = /** @type {string} */ (postgresBinDir(realSystem()));
  const postgres = await startThrowawayPostgres({ binDir });
  running.push({ name: 'PostgreSQL', stop: postgres.stop });

  const redisPort = await freePort();
  await startProcess(
    'Redis',
    'redis-server',
    [
      '--port',
      String(redisPort),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--dir',
      dir,
    ],
    {
      ready: () => accepts(redisPort),
    },
  );

  const mqttPort = await freePort();
  const mqttPassword = randomBytes(18).toString('base64url');
  const adminPassword = randomBytes(9).toString('base64url');
  const shared = {
    PATH: process.env.PATH ?? '',
    HOST: '127.0.0.1',
    DATABASE_URL: postgres.url,
    REDIS_URL: `redis://127.0.0.1:${redisPort}`,
    MQTT_URL: `mqtt://127.0.0.1:${mqttPort}`,
    MQTT_USERNAME: SERVER_USER,
    MQTT_PASSWORD: mqttPassword,
    // HAProxy connects from loopback (docs/deploy.md#behind-a-load-balancer).
    TRUST_PROXY: '127.0.0.1',
    JWT_SECRET: randomBytes(32).toString('hex'),
    ADMIN_PASSWORD: adminPassword,
    PUBLIC_URL: `http://127.0.0.1:${PORT}`,
    SHUTDOWN_DRAIN_MS: '1000',
    HTTPS: 'off',
    MDNS: 'off',
    // Two glibc malloc arenas, not eight per core: less memory per replica (docs/performance.md#memory-per-viewer).
    MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '2',
  };
  /** @param {number} n */
  const startReplica = async (n) => {
    const port = await freePort();
    const dataDir = path.join(dir, `replica-${n}`);
    fs.mkdirSync(dataDir);
    await startProcess(
      `replica ${n}`,
      process.execPath,
      [SERVER_ENTRY, ...(n === 1 ? ['--demo'] : [])],
      {
        env: {
          ...shared,
          PORT: String(port),
          DATA_DIR: dataDir,
          MQTT_CLIENT_ID: `olympiad-replica-${n}`,
        },
        ready: (output) => output.includes('Venue server is up'),
      },
    );
    return { port, dataDir };
  };
  // One after the other: the first runs the migrations and seeds the demo, the second finds both done.
  const first = await startReplica(1);

  // Mosquitto with the password and ACL files the server writes for its devices (docs/sensor-contract.md#devices-and-credentials).
  const base = `http://127.0.0.1:${first.port}`;
  const signIn = await fetch(`${base}/api/auth/organiser`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'organiser', password: adminPassword }),
  });
  if (!signIn.ok) throw new Error(`organiser sign-in failed: ${signIn.status}`);
  const { token } = /** @type {{ token: string }} */ (await signIn.json());
  const filesAnswer = await fetch(`${base}/api/devices/mosquitto-files`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      serverUsername: SERVER_USER,
      serverPassword: mqttPassword,
      port: mqttPort,
    }),
  });
  if (!filesAnswer.ok) throw new Error(`Mosquitto files: ${filesAnswer.status}`);
  const files = /** @type {{ passwd: string; acl: string }} */ (await filesAnswer.json());
  const mqttDir = path.join(dir, 'mosquitto');
  fs.mkdirSync(mqttDir);
  fs.writeFileSync(path.join(mqttDir, 'passwd'), files.passwd, { mode: 0o600 });
  fs.writeFileSync(path.join(mqttDir, 'acl'), files.acl, { mode: 0o600 });
  fs.writeFileSync(
    path.join(mqttDir, 'mosquitto.conf'),
    [
      `listener ${mqttPort} 127.0.0.1`,
      'allow_anonymous false',
      `password_file ${path.join(mqttDir, 'passwd')}`,
      `acl_file ${path.join(mqttDir, 'acl')}`,
      'log_dest stdout',
      ...(process.getuid?.() === 0 ? ['user root'] : []),
      '',
    ].join('\n'),
  );
  await startProcess('Mosquitto', 'mosquitto', ['-c', path.join(mqttDir, 'mosquitto.conf')], {
    ready: () => accepts(mqttPort),
  });

  const second = await startReplica(2);

  const haproxyFile = path.join(dir, 'haproxy.cfg');
  const statsSocket = path.join(dir, 'haproxy.sock');
  fs.writeFileSync(
    haproxyFile,
    haproxyConfig({ port: PORT, replicas: [first.port, second.port], statsSocket }),
  );
  await startProcess('HAProxy', 'haproxy', ['-db', '-f', haproxyFile], {
    ready: () => accepts(PORT),
  });

  const url = `http://127.0.0.1:${PORT}`;
  const pins = path.join(first.dataDir, 'demo-pins.txt');
  console.log(
    [
      `Cluster is up (docs/deploy.md#a-cluster-on-this-machine):`,
      `  HAProxy       ${url}   (config ${haproxyFile})`,
      `  Leaderboard   ${url}/`,
      `  Judge tablet  ${url}/judge/   (demo PINs: ${pins})`,
      `  Console       ${url}/console/   organiser / ${adminPassword}`,
      `  Replica 1     http://127.0.0.1:${first.port}`,
      `  Replica 2     http://127.0.0.1:${second.port}`,
      `  PostgreSQL    ${postgres.url}`,
      `  Redis         ${shared.REDIS_URL}`,
      `  Mosquitto     ${shared.MQTT_URL}`,
      'Ctrl-C stops everything.',
    ].join('\n'),
  );
}

for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.on(signal, () => {
    console.log('\nStopping the cluster…');
    void stopAll().then(() => process.exit(0));
  });
}
main().catch(async (error) => {
  console.error(error instanceof Error ? error.message : error);
  await stopAll();
  process.exit(1);
});
