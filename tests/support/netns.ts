import {
  execFileSync,
  spawn,
  spawnSync,
  type ChildProcessWithoutNullStreams,
} from 'node:child_process';
import { randomBytes, randomInt } from 'node:crypto';
import * as path from 'node:path';

/**
 * A private network link for the network-fault tests (docs/testing.md, "Flaky Wi-Fi"): one Linux
 * network namespace joined to the root namespace by a veth pair (or a TUN pair, see
 * `createNetnsLink`), with one /30 of 10.231.0.0/16
 * that no existing route touches. Only the two ends of that /30 exist on the link and the
 * namespace has no other route, so whatever runs inside can reach the root-side address and
 * nothing else. Needs root, `ip` and `tc` (Debian's iproute2). Every name carries the test's
 * process id and a random suffix: a crashed run leaves nothing a later run collides with, and
 * the next run removes namespaces whose process is gone.
 */

/** Whether a missing root / iproute2 fails the suite (CI, TEST_NETNS_REQUIRED=1) or skips it. */
export const netnsRequired = process.env.TEST_NETNS_REQUIRED === '1' || !!process.env.CI;

const PREFIX = 'olyft';

/** Why network namespaces cannot be used here, or null when they can. */
export function netnsUnavailable(): string | null {
  if (process.getuid?.() !== 0) return 'network namespaces need root (CI runs the tests as root)';
  for (const tool of ['ip', 'tc']) {
    if (spawnSync('which', [tool]).status !== 0)
      return `\`${tool}\` is missing (apt-get install iproute2)`;
  }
  return null;
}

function run(command: string, args: string[]): string {
  return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Runs a command and ignores a failure (cleanup that may find the thing already gone). */
function tryRun(command: string, args: string[]): void {
  spawnSync(command, args, { stdio: 'ignore' });
}

function ipv4ToNumber(address: string): number {
  return address.split('.').reduce((value, part) => value * 256 + Number(part), 0);
}

/** The IPv4 prefixes of every route and address the machine has now (`default` excluded). */
function usedPrefixes(): Array<{ start: number; end: number }> {
  const text = `${run('ip', ['-4', 'route', 'show', 'table', 'all'])}\n${run('ip', ['-4', '-o', 'addr'])}`;
  const prefixes: Array<{ start: number; end: number }> = [];
  for (const match of text.matchAll(/(\d+\.\d+\.\d+\.\d+)(?:\/(\d+))?/g)) {
    const bits = match[2] === undefined ? 32 : Number(match[2]);
    const size = 2 ** (32 - bits);
    const start = Math.floor(ipv4ToNumber(match[1]) / size) * size;
    prefixes.push({ start, end: start + size - 1 });
  }
  return prefixes;
}

/** A random /30 in 10.231.0.0/16 that overlaps no route or address of the machine. */
function freeSubnet(): { rootAddress: string; nsAddress: string } {
  const used = usedPrefixes();
  for (let attempt = 0; attempt < 200; attempt++) {
    const third = randomInt(0, 256);
    const fourth = randomInt(0, 64) * 4;
    const start = ipv4ToNumber(`10.231.${third}.${fourth}`);
    if (used.some((prefix) => prefix.start <= start + 3 && start <= prefix.end)) continue;
    return {
      rootAddress: `10.231.${third}.${fourth + 1}`,
      nsAddress: `10.231.${third}.${fourth + 2}`,
    };
  }
  throw new Error(
    'No free /30 in 10.231.0.0/16: every candidate overlaps a route of this machine (`ip -4 route`)',
  );
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Deletes the namespaces (and so their veth pairs) that earlier runs left when they crashed. */
function removeAbandoned(): void {
  for (const line of run('ip', ['netns', 'list']).split('\n')) {
    const match = new RegExp(`^(${PREFIX}-(\\d+)-[0-9a-f]+)`).exec(line);
    if (match && !processAlive(Number(match[2]))) tryRun('ip', ['netns', 'delete', match[1]]);
  }
  // A TUN end (kernels without netem) can outlive its namespace: delete the ones without one.
  const namespaces = run('ip', ['netns', 'list']);
  for (const match of run('ip', ['-o', 'link']).matchAll(/\d+: vft([0-9a-f]{6})[rn][:@]/g)) {
    if (!namespaces.includes(`-${match[1]}`)) tryRun('ip', ['link', 'delete', `vft${match[1]}r`]);
  }
}

export interface NetnsLink {
  /** The namespace's name, for `ip netns exec`. */
  namespace: string;
  /** The link's end in the root namespace and its address (where the server listens). */
  rootDevice: string;
  rootAddress: string;
  /** The link's end inside the namespace and its address (where the clients are). */
  nsDevice: string;
  nsAddress: string;
  /** What carries the packets, for the test's report. */
  kind: 'veth + netem' | 'tun + lossy-wire.py';
  /** The command and arguments that run `args` inside the namespace. */
  exec(args: string[]): { command: string; args: string[] };
  /** Packet loss and extra delay, each way (netem on both ends of the veth). */
  degrade(fault: { lossPercent: number; delayMs: number }): void;
  /** No loss, no extra delay. */
  clear(): void;
  /** The namespace's end goes down (the Wi-Fi router is switched off) or up again. */
  setUp(up: boolean): void;
  /** Deletes the namespace, both ends and the wire; safe to call twice or after a partial setup. */
  remove(): void;
}

/**
 * Creates the namespace, the link and the /30, with both ends up. The link is a veth pair with
 * netem on both ends. A kernel built without netem (some container and micro-VM kernels) gets a
 * pair of TUN devices joined by tests/support/lossy-wire.py instead, which drops and delays the
 * packets the same way; the addresses, the routes and `setUp` are the same.
 */
export async function createNetnsLink(): Promise<NetnsLink> {
  removeAbandoned();
  const suffix = randomBytes(3).toString('hex');
  const namespace = `${PREFIX}-${process.pid}-${suffix}`;
  // Interface names have at most 15 characters.
  const rootDevice = `vft${suffix}r`;
  const nsDevice = `vft${suffix}n`;
  const { rootAddress, nsAddress } = freeSubnet();
  const inNs = (args: string[]) => ['netns', 'exec', namespace, ...args];
  let wire: ChildProcessWithoutNullStreams | null = null;
  const netem = (device: string, args: string[]) => [
    'tc',
    'qdisc',
    'replace',
    'dev',
    device,
    'root',
    'netem',
    ...args,
  ];

  const link: NetnsLink = {
    namespace,
    rootDevice,
    rootAddress,
    nsDevice,
    nsAddress,
    kind: 'veth + netem',
    exec: (args) => ({ command: 'ip', args: inNs(args) }),
    degrade: ({ lossPercent, delayMs }) => {
      if (wire) return void wire.stdin.write(`${lossPercent / 100} ${delayMs}\n`);
      const args = ['loss', `${lossPercent}%`, 'delay', `${delayMs}ms`];
      run('tc', netem(rootDevice, args).slice(1));
      run('ip', inNs(netem(nsDevice, args)));
    },
    clear: () => {
      if (wire) return void wire.stdin.write('0 0\n');
      tryRun('tc', ['qdisc', 'del', 'dev', rootDevice, 'root']);
      tryRun('ip', inNs(['tc', 'qdisc', 'del', 'dev', nsDevice, 'root']));
    },
    setUp: (up) => {
      run('ip', inNs(['ip', 'link', 'set', nsDevice, up ? 'up' : 'down']));
    },
    remove: () => {
      wire?.kill('SIGKILL');
      tryRun('ip', inNs(['ip', 'link', 'delete', nsDevice]));
      // Deleting the namespace deletes a veth end inside it, and with it its peer.
      tryRun('ip', ['netns', 'delete', namespace]);
      tryRun('ip', ['link', 'delete', rootDevice]);
    },
  };

  try {
    run('ip', ['netns', 'add', namespace]);
    run('ip', ['link', 'add', rootDevice, 'type', 'veth', 'peer', 'name', nsDevice]);
    if (spawnSync('tc', netem(rootDevice, ['delay', '0ms']).slice(1)).status !== 0) {
      run('ip', ['link', 'delete', rootDevice]);
      link.kind = 'tun + lossy-wire.py';
      wire = await startWire(rootDevice, nsDevice);
    } else {
      link.clear();
    }
    run('ip', ['link', 'set', nsDevice, 'netns', namespace]);
    run('ip', ['addr', 'add', `${rootAddress}/30`, 'dev', rootDevice]);
    run('ip', ['link', 'set', rootDevice, 'up']);
    run('ip', inNs(['ip', 'addr', 'add', `${nsAddress}/30`, 'dev', nsDevice]));
    run('ip', inNs(['ip', 'link', 'set', nsDevice, 'up']));
    run('ip', inNs(['ip', 'link', 'set', 'lo', 'up']));
  } catch (error) {
    link.remove();
    throw error;
  }
  return link;
}

/** Two TUN devices in the root namespace, joined by the userspace wire (attached before either moves). */
async function startWire(
  rootDevice: string,
  nsDevice: string,
): Promise<ChildProcessWithoutNullStreams> {
  if (spawnSync('which', ['python3']).status !== 0) {
    throw new Error(
      'This kernel has no netem (CONFIG_NET_SCH_NETEM) and python3 is missing for tests/support/lossy-wire.py',
    );
  }
  run('ip', ['tuntap', 'add', 'dev', rootDevice, 'mode', 'tun']);
  run('ip', ['tuntap', 'add', 'dev', nsDevice, 'mode', 'tun']);
  const wire = spawn('python3', [path.join(__dirname, 'lossy-wire.py'), rootDevice, nsDevice]);
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`lossy-wire.py did not attach within 10 s:\n${output}`)),
      10_000,
    );
    const listen = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('attached')) {
        clearTimeout(timer);
        resolve();
      }
    };
    wire.stdout.on('data', listen);
    wire.stderr.on('data', listen);
    wire.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`lossy-wire.py exited with code ${code}:\n${output}`));
    });
  });
  return wire;
}
