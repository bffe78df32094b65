import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the tests run the configuration `npm run cluster` runs, not a copy that could drift
import { haproxyConfig, type HaproxyOptions } from '../../tools/cluster/haproxy-config';
import { freePort } from './mosquitto';

/** Debian's haproxy in front of replicas on a free loopback port, for the tests. */
export class HaproxyBalancer {
  private child?: ChildProcess;
  private log = '';
  private constructor(
    readonly port: number,
    private readonly statsSocket: string,
  ) {}

  static async start(
    replicas: number[],
    balance?: HaproxyOptions['balance'],
    checkTimeout?: HaproxyOptions['checkTimeout'],
  ): Promise<HaproxyBalancer> {
    if (spawnSync('which', ['haproxy']).status !== 0) {
      throw new Error('haproxy is not installed: apt-get install haproxy (npm test does this)');
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'olympiad-haproxy-'));
    const balancer = new HaproxyBalancer(await freePort(), path.join(dir, 'stats.sock'));
    const file = path.join(dir, 'haproxy.cfg');
    fs.writeFileSync(
      file,
      haproxyConfig({
        port: balancer.port,
        replicas,
        statsSocket: balancer.statsSocket,
        balance,
        checkTimeout,
      }),
    );
    const check = spawnSync('haproxy', ['-c', '-q', '-f', file], { encoding: 'utf8' });
    if (check.status !== 0) throw new Error(`haproxy refused its configuration:\n${check.stderr}`);
    balancer.child = spawn('haproxy', ['-db', '-f', file]);
    balancer.child.stdout?.on('data', (chunk: Buffer) => (balancer.log += chunk.toString()));
    balancer.child.stderr?.on('data', (chunk: Buffer) => (balancer.log += chunk.toString()));
    await balancer.waitFor(() => fs.existsSync(balancer.statsSocket), 'the stats socket');
    return balancer;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Each replica's state as HAProxy's health checks see it, e.g. `{ replica1: 'UP', replica2: 'DOWN' }`. */
  async states(): Promise<Record<string, string>> {
    const csv = await new Promise<string>((resolve, reject) => {
      let answer = '';
      const socket = net.connect(this.statsSocket, () => socket.end('show stat\n'));
      socket.on('data', (chunk) => (answer += chunk.toString()));
      socket.on('end', () => resolve(answer));
      socket.on('error', reject);
    });
    const [header, ...rows] = csv.replace(/^# /, '').trim().split('\n');
    const columns = header.split(',');
    const [proxy, server, status] = ['pxname', 'svname', 'status'].map((name) =>
      columns.indexOf(name),
    );
    return Object.fromEntries(
      rows
        .map((row) => row.split(','))
        .filter((cells) => cells[proxy] === 'replicas' && cells[server].startsWith('replica'))
        .map((cells) => [cells[server], cells[status].split(' ')[0]]),
    );
  }

  /** Polls until `condition` holds (the caller's jest timeout bounds the wait). */
  async waitFor(condition: () => boolean | Promise<boolean>, what: string): Promise<void> {
    for (;;) {
      if (this.child && this.child.exitCode !== null) {
        throw new Error(`haproxy exited while waiting for ${what}:\n${this.log}`);
      }
      if (await condition()) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  }
}
