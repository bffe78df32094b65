import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import mqtt from 'mqtt';
import { parse } from 'yaml';
/* eslint-disable @nx/enforce-module-boundaries -- the compose file is checked against the server's own configuration schema and the balancer's own generator, not copies that could drift */
import { CONFIG_VARIABLES, loadConfig } from '../../apps/api/src/config/app-config';
import { composeHaproxyConfig, REPLICAS } from '../../deploy/haproxy/generate';
/* eslint-enable @nx/enforce-module-boundaries */
import { freePort } from '../support/mosquitto';
import { startVenue, TEST_ADMIN, type Venue } from '../support/start-venue';

const ROOT = path.resolve(__dirname, '..', '..');
const DEPLOY = path.join(ROOT, 'deploy');
const read = (file: string) => fs.readFileSync(path.join(DEPLOY, file), 'utf8');

interface Service {
  image?: string;
  build?: { context: string; dockerfile: string };
  command?: string[] | string;
  environment?: Record<string, string>;
  volumes?: string[];
  depends_on?: Record<string, { condition: string }> | string[];
  networks?: Record<string, { ipv4_address?: string }>;
}

const compose = parse(read('compose.yaml'), { merge: true }) as {
  services: Record<string, Service>;
  volumes: Record<string, unknown>;
};
const services = compose.services;
const replicas = Object.keys(services).filter((name) => /^api-\d+$/.test(name));

/** The variables deploy/env.example lists, with a valid value for each secret it leaves empty. */
const SAMPLE_SECRETS: Record<string, string> = {
  POSTGRES_PASSWORD: 'postgres-secret',
  JWT_SECRET: 'j'.repeat(64),
  ADMIN_PASSWORD: 'organiser-secret',
  MQTT_PASSWORD: 'mqtt-secret-123',
  PUBLIC_URL: 'https://results.example.kz',
};
const exampleEnv = Object.fromEntries(
  read('env.example')
    .split('\n')
    .filter((line) => /^[A-Z_]+=/.test(line))
    .map((line) => {
      const [name, value] = [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)];
      return [name, value || SAMPLE_SECRETS[name] || ''];
    }),
);

/** Compose's interpolation: `${NAME}`, `${NAME:-default}`, `${NAME:?error}` (unset or empty fails). */
function interpolate(text: string, env: Record<string, string>): string {
  return text.replace(/\$\{([A-Z_]+)(?::([-?])([^}]*))?\}/g, (_, name: string, how, rest) => {
    const value = env[name];
    if (value) return value;
    if (how === '?') throw new Error(`${name}: ${rest}`);
    return how === '-' ? rest : '';
  });
}
const referenced = [...read('compose.yaml').matchAll(/\$\{([A-Z_]+)/g)].map((match) => match[1]);

/** A replica's environment as its container gets it, from deploy/.env = `env`. */
const replicaEnv = (name: string, env: Record<string, string> = exampleEnv) =>
  Object.fromEntries(
    Object.entries(services[name].environment ?? {}).map(([key, value]) => [
      key,
      interpolate(String(value), env),
    ]),
  );

describe('deploy/: the docker compose setup for real servers (docs/deploy.md#docker-compose)', () => {
  it('runs PostgreSQL, Redis, Mosquitto and HAProxy, and API replicas built from deploy/Dockerfile, each with its own data volume and MQTT client id', () => {
    expect(Object.keys(services)).toEqual(
      expect.arrayContaining(['postgres', 'redis', 'mosquitto', 'haproxy', 'mqtt-credentials']),
    );
    expect(replicas.length).toBeGreaterThanOrEqual(2);
    for (const name of replicas) {
      expect(services[name].build).toEqual({ context: '..', dockerfile: 'deploy/Dockerfile' });
      expect(fs.existsSync(path.join(DEPLOY, '..', 'deploy/Dockerfile'))).toBe(true);
    }
    const dataVolumes = replicas.map((name) =>
      services[name].volumes?.find((volume) => volume.endsWith(':/data')),
    );
    expect(new Set(dataVolumes).size).toBe(replicas.length);
    for (const volume of dataVolumes) {
      expect(compose.volumes).toHaveProperty((volume ?? '').split(':')[0]);
    }
    const clientIds = replicas.map((name) => replicaEnv(name).MQTT_CLIENT_ID);
    expect(new Set(clientIds).size).toBe(replicas.length);
  });

  it('gives each replica only variables the server reads, with values its configuration accepts, and needs every secret set', () => {
    const haproxyAddress = services.haproxy.networks?.default.ipv4_address;
    for (const name of replicas) {
      const env = replicaEnv(name);
      expect(Object.keys(env).filter((key) => !CONFIG_VARIABLES.includes(key))).toEqual([]);
      const config = loadConfig(env, '/app');
      expect(config.database.kind).toBe('postgres');
      expect(config.redisUrl).toBe('redis://redis:6379');
      expect(config.mqtt).toMatchObject({ kind: 'external', url: 'mqtt://mosquitto:1883' });
      expect(config.trustProxy).toEqual([haproxyAddress]);
      expect(config.https).toEqual({ kind: 'off' });
      expect(config.shutdownDrainMs).toBeGreaterThan(0);
      for (const secret of ['JWT_SECRET', 'ADMIN_PASSWORD', 'MQTT_PASSWORD', 'POSTGRES_PASSWORD']) {
        expect(() => replicaEnv(name, { ...exampleEnv, [secret]: '' })).toThrow(secret);
      }
    }
    // deploy/env.example names every variable the compose file asks of deploy/.env.
    expect(referenced.filter((name) => !(name in exampleEnv))).toEqual([]);
  });

  it('runs HAProxy with the generated configuration for every replica, which haproxy -c accepts', () => {
    expect(read('haproxy/haproxy.cfg')).toBe(composeHaproxyConfig());
    expect(REPLICAS).toEqual(replicas.map((name) => `${name}:3000`));
    expect(services.haproxy.volumes).toContain(
      './haproxy/haproxy.cfg:/usr/local/etc/haproxy/haproxy.cfg:ro',
    );
    const check = spawnSync('haproxy', ['-c', '-f', path.join(DEPLOY, 'haproxy/haproxy.cfg')], {
      encoding: 'utf8',
    });
    expect({ status: check.status, output: check.stdout + check.stderr }).toMatchObject({
      status: 0,
    });
  });

  it('builds an image that runs the built server and apps as an unprivileged user, health-checked on /api/health/ready', () => {
    const dockerfile = read('Dockerfile');
    const stages = dockerfile.split(/^FROM /m).slice(1);
    const run = stages[stages.length - 1];
    expect(stages[0]).toMatch(/npm ci/);
    expect(stages[0]).toMatch(/nx run-many -t build -p api judge console leaderboard/);
    expect(run).toMatch(/^COPY --from=build \/workspace\/dist\/api \.\/dist\/api$/m);
    expect(run).toMatch(/^COPY --from=build \/workspace\/dist\/apps \.\/dist\/apps$/m);
    const user = /^USER (\S+)$/m.exec(run)?.[1];
    expect(user).toBeDefined();
    expect(['root', '0']).not.toContain(user);
    expect(run).toMatch(/^HEALTHCHECK [\s\S]*\/api\/health\/ready/m);
    expect(run).toMatch(/^CMD \["node", "dist\/api\/apps\/api\/src\/main\.js"\]$/m);
  });

  describe('Mosquitto with the files mqtt-credentials writes', () => {
    let venue: Venue | undefined;
    let broker: ReturnType<typeof spawn> | undefined;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'olympiad-deploy-mosquitto-'));
    afterAll(async () => {
      broker?.kill('SIGTERM');
      await venue?.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it('lets the replicas account in and nobody without a password, with deploy/mosquitto/mosquitto.conf', async () => {
      // The job and the broker share the credentials volume at the same path.
      const credentials = services['mqtt-credentials'].environment?.CREDENTIALS_DIR as string;
      expect(services['mqtt-credentials'].volumes).toContain(
        `mosquitto-credentials:${credentials}`,
      );
      expect(services.mosquitto.volumes).toContain(`mosquitto-credentials:${credentials}`);
      const conf = read('mosquitto/mosquitto.conf');
      expect(conf).toMatch(new RegExp(`^password_file ${credentials}/passwd$`, 'm'));
      expect(conf).toMatch(new RegExp(`^acl_file ${credentials}/acl$`, 'm'));

      venue = await startVenue();
      const job = replicaEnv('api-1');
      const written = spawnSync(process.execPath, [path.join(DEPLOY, 'mqtt-credentials.mjs')], {
        encoding: 'utf8',
        env: {
          PATH: process.env.PATH ?? '',
          API_URL: venue.url,
          ADMIN_USERNAME: TEST_ADMIN.username,
          ADMIN_PASSWORD: TEST_ADMIN.password,
          MQTT_USERNAME: job.MQTT_USERNAME,
          MQTT_PASSWORD: job.MQTT_PASSWORD,
          CREDENTIALS_DIR: path.join(dir, 'credentials'),
          CREDENTIALS_OWNER: String(process.getuid?.() ?? 0),
        },
      });
      expect({ status: written.status, output: written.stdout + written.stderr }).toMatchObject({
        status: 0,
      });

      // The container's paths and port, moved to this machine.
      const port = await freePort();
      fs.mkdirSync(path.join(dir, 'data'));
      const local = conf
        .replace(/^listener 1883$/m, `listener ${port} 127.0.0.1`)
        .replaceAll('/mosquitto/', `${dir}/`)
        .concat(process.getuid?.() === 0 ? 'user root\n' : '');
      fs.writeFileSync(path.join(dir, 'mosquitto.conf'), local);
      broker = spawn('mosquitto', ['-c', path.join(dir, 'mosquitto.conf')], { stdio: 'ignore' });

      const connect = (options: mqtt.IClientOptions) =>
        new Promise<string>((resolve) => {
          const client = mqtt.connect(`mqtt://127.0.0.1:${port}`, {
            ...options,
            reconnectPeriod: 0,
          });
          client.once('connect', () => {
            client.end();
            resolve('accepted');
          });
          client.once('error', (error) => {
            client.end();
            resolve(error.message);
          });
          client.once('close', () => resolve('closed'));
        });
      // Until the broker listens, a connection is refused: ask again.
      let replica = await connect({ username: job.MQTT_USERNAME, password: job.MQTT_PASSWORD });
      while (/ECONNREFUSED|^closed$/.test(replica)) {
        expect(broker.exitCode).toBeNull();
        replica = await connect({ username: job.MQTT_USERNAME, password: job.MQTT_PASSWORD });
      }
      expect(replica).toBe('accepted');
      expect(await connect({})).toMatch(/Not authorized|Bad username or password/i);
      expect(await connect({ username: job.MQTT_USERNAME, password: 'wrong-password' })).toMatch(
        /Not authorized|Bad username or password/i,
      );
    });
  });
});
