import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { freePort } from './mosquitto';

/**
 * Debian's redis-server on a free loopback port, in a folder of its own, for the suites that run
 * several replicas (docs/design.md#scale-out). It keeps no data on disk: a restart starts empty,
 * as a Redis restart in production may.
 */
export class RedisServer {
  private child?: ChildProcess;
  private log = '';
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'olympiad-redis-'));

  private constructor(readonly port: number) {}

  static async start(): Promise<RedisServer> {
    if (spawnSync('which', ['redis-server']).status !== 0) {
      throw new Error(
        'redis-server is not installed: apt-get install redis-server (npm test does this)',
      );
    }
    const server = new RedisServer(await freePort());
    await server.start();
    return server;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const args = [
      '--port',
      String(this.port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--dir',
      this.dir,
    ];
    this.child = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    this.child.stdout?.on('data', (chunk: Buffer) => (this.log += chunk.toString()));
    this.child.stderr?.on('data', (chunk: Buffer) => (this.log += chunk.toString()));
    const until = Date.now() + 10_000;
    while (Date.now() < until) {
      if (await answersPing(this.port)) return;
      if (this.child.exitCode !== null) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`redis-server did not start on ${this.port}:\n${this.log}`);
  }

  /** Stops it; `signal` SIGKILL for a crash. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill(signal);
    });
  }

  /** Stops and starts it again on the same port, empty. */
  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  async close(): Promise<void> {
    await this.stop();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }

  output(): string {
    return this.log;
  }
}

function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.setTimeout(1000, () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => {
      socket.destroy();
      resolve(data.toString().startsWith('+PONG'));
    });
    socket.once('error', () => resolve(false));
  });
}
