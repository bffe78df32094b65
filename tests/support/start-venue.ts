import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
// VENUE_SERVER_ENTRY: a server built elsewhere (a benchmark comparing two builds); default the one in dist/api.
const SERVER_ENTRY = process.env.VENUE_SERVER_ENTRY
  ? path.resolve(process.env.VENUE_SERVER_ENTRY)
  : path.join(ROOT, 'dist', 'api', 'apps', 'api', 'src', 'main.js');

export const TEST_ADMIN = { username: 'organiser', password: 'test-password-123' };

export interface Venue {
  /** e.g. http://127.0.0.1:41235 */
  url: string;
  port: number;
  /** The HTTPS port (a free one unless env sets HTTPS_PORT); undefined with HTTPS=off. */
  httpsPort?: number;
  /** The embedded broker, e.g. mqtt://127.0.0.1:40123 (undefined with an external MQTT_URL). */
  mqttUrl?: string;
  /** The embedded broker over TLS, e.g. mqtts://127.0.0.1:40124 (undefined with HTTPS=off or MQTT_TLS=off). */
  mqttTlsUrl?: string;
  dataDir: string;
  /** The server's process id (benchmarks read its CPU time and RSS); 0 for a venue not started here. */
  pid: number;
  /** Everything the server printed so far. */
  output(): string;
  /** Stops the server (SIGTERM, then SIGKILL after 5 s). The data folder stays. */
  stop(): Promise<void>;
  /** Kills the server at once (SIGKILL), as a power cut would. The data folder stays. */
  kill(): Promise<void>;
}

export interface VenueOptions {
  /** Reuse a data folder (to restart on the same SQLite file); default: a new temporary one. */
  dataDir?: string;
  env?: Record<string, string>;
  args?: string[];
  /** A fixed HTTP port (to restart a venue where its screens expect it); default: a free one. */
  port?: number;
}

/**
 * Starts the built venue server (`npm run build` or the nx dependsOn first) as a real process on a
 * free port, with its own SQLite file and embedded MQTT broker on a free port.
 */
export async function startVenue(options: VenueOptions = {}): Promise<Venue> {
  if (!fs.existsSync(SERVER_ENTRY)) {
    throw new Error(`${SERVER_ENTRY} is missing: build the API first (npx nx run api:build)`);
  }
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'olympiad-venue-'));
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, [SERVER_ENTRY, ...(options.args ?? [])], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      PORT: String(options.port ?? 0),
      HOST: '127.0.0.1',
      MQTT_PORT: '0',
      MQTT_HOST: '127.0.0.1',
      MQTT_TLS_PORT: '0',
      // Never the fixed default 3443: many venues run side by side in tests. No mDNS unless a test asks.
      HTTPS_PORT: '0',
      MDNS: 'off',
      CONTRACT_CHECK: 'on',
      DATA_DIR: dataDir,
      NO_COLOR: '1',
      ADMIN_USERNAME: TEST_ADMIN.username,
      ADMIN_PASSWORD: TEST_ADMIN.password,
      ...options.env,
    },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));

  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The venue did not start within 30 s:\n${output}`)), 30000);
    const check = () => {
      const match = /Venue server is up on port (\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stdout.on('data', check);
    child.stderr.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The venue exited with code ${code}:\n${output}`));
    });
  });

  const broker = /Embedded MQTT broker listening on ([\d.]+):(\d+)/.exec(output);
  const https = /HTTPS on port (\d+)/.exec(output);
  const mqttTls = /MQTT over TLS on port (\d+)/.exec(output);
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    httpsPort: https ? Number(https[1]) : undefined,
    mqttUrl: broker ? `mqtt://${broker[1]}:${broker[2]}` : undefined,
    mqttTlsUrl: broker && mqttTls ? `mqtts://${broker[1]}:${mqttTls[1]}` : undefined,
    dataDir,
    pid: child.pid ?? 0,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
        child.once('exit', () => {
          clearTimeout(kill);
          resolve();
        });
        child.kill('SIGTERM');
      }),
    kill: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      }),
  };
}
