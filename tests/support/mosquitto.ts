import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

/** A free loopback port (the OS picks it; closed again at once). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Debian's Mosquitto started on a loopback port with the password and ACL files the server
 * generates, and persistence in a folder of its own (so sessions survive a restart).
 */
export class Mosquitto {
  private child?: ChildProcess;
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'olympiad-mosquitto-'));
  private log = '';

  constructor(readonly port: number) {
    if (spawnSync('which', ['mosquitto']).status !== 0) {
      throw new Error('mosquitto is not installed: apt-get install mosquitto (.ci/run does this)');
    }
  }

  get url(): string {
    return `mqtt://127.0.0.1:${this.port}`;
  }

  writeFiles(files: { passwd: string; acl: string }): void {
    fs.writeFileSync(path.join(this.dir, 'passwd'), files.passwd, { mode: 0o600 });
    fs.writeFileSync(path.join(this.dir, 'acl'), files.acl, { mode: 0o600 });
    fs.writeFileSync(
      path.join(this.dir, 'mosquitto.conf'),
      [
        `listener ${this.port} 127.0.0.1`,
        'allow_anonymous false',
        `password_file ${path.join(this.dir, 'passwd')}`,
        `acl_file ${path.join(this.dir, 'acl')}`,
        'persistence true',
        `persistence_location ${this.dir}/`,
        'log_dest stdout',
        // Started by root in CI: keep root so it can read the private files in this folder.
        ...(process.getuid?.() === 0 ? ['user root'] : []),
        '',
      ].join('\n'),
    );
  }

  async start(): Promise<void> {
    this.child = spawn('mosquitto', ['-c', path.join(this.dir, 'mosquitto.conf')], { stdio: ['ignore', 'pipe', 'pipe'] });
    this.child.stdout?.on('data', (chunk: Buffer) => (this.log += chunk.toString()));
    this.child.stderr?.on('data', (chunk: Buffer) => (this.log += chunk.toString()));
    const until = Date.now() + 10_000;
    while (Date.now() < until) {
      if (await canConnect(this.port)) return;
      if (this.child.exitCode !== null) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`mosquitto did not start on ${this.port}:\n${this.log}`);
  }

  /** Stops it the polite way, so it writes its persistence file. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  }

  output(): string {
    return this.log;
  }
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
