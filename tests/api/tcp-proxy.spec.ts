import { createHash, randomBytes } from 'node:crypto';
import * as net from 'node:net';
import { performance } from 'node:perf_hooks';
import { rawCopyThrough, startTcpProxy, type TcpProxy } from '../support/tcp-proxy';

// The proxy that federation tests put between a venue and the republic server (docs/federation.md),
// checked on real loopback sockets.

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

interface TestServer {
  port: number;
  sockets: net.Socket[];
  close(): Promise<void>;
}

/** A server on a free loopback port; `onSocket` decides what it does with each connection. */
async function startServer(onSocket: (socket: net.Socket) => void): Promise<TestServer> {
  const sockets: net.Socket[] = [];
  const server = net.createServer((socket) => {
    sockets.push(socket);
    socket.on('error', () => undefined);
    onSocket(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    port: (server.address() as net.AddressInfo).port,
    sockets,
    close: async () => {
      sockets.forEach((socket) => socket.destroy());
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const echo = (socket: net.Socket) => socket.pipe(socket);

async function connect(port: number): Promise<net.Socket> {
  const socket = net.connect({ host: '127.0.0.1', port });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  return socket;
}

/** Everything the socket receives until it closes, and whether it ended cleanly. */
function collect(socket: net.Socket): Promise<{ bytes: Buffer; cleanEnd: boolean }> {
  const chunks: Buffer[] = [];
  let cleanEnd = false;
  socket.on('data', (chunk: Buffer) => chunks.push(chunk));
  socket.on('end', () => (cleanEnd = true));
  socket.on('error', () => undefined);
  return new Promise((resolve) =>
    socket.on('close', () => resolve({ bytes: Buffer.concat(chunks), cleanEnd })),
  );
}

/** Resolves once `socket` has received `count` bytes. */
function receive(socket: net.Socket, count: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let length = 0;
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      chunks.push(chunk);
      length += chunk.length;
      if (length >= count) {
        socket.off('data', onData);
        resolve(Buffer.concat(chunks));
      }
    };
    socket.on('data', onData);
    socket.once('close', () => reject(new Error(`closed after ${length} of ${count} bytes`)));
  });
}

/** Waits until `condition` holds, polling on the event loop. */
async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

jest.setTimeout(30_000);

describe('tcp proxy', () => {
  let target: TestServer;
  let proxy: TcpProxy;

  afterEach(async () => {
    await proxy?.close();
    await target?.close();
  });

  it('passes 1 MiB of random bytes unchanged both ways', async () => {
    target = await startServer(echo);
    proxy = await startTcpProxy({ target: { host: '127.0.0.1', port: target.port } });
    const payload = randomBytes(1024 * 1024);
    const client = await connect(proxy.port);
    const echoed = collect(client);
    client.end(payload);
    const { bytes, cleanEnd } = await echoed;
    expect(cleanEnd).toBe(true);
    expect(bytes.length).toBe(payload.length);
    expect(sha(bytes)).toBe(sha(payload));
  });

  it('counts the bytes delivered each way and the connections accepted', async () => {
    // The target answers every request with a reply of a different size, so up and down differ.
    target = await startServer((socket) =>
      socket.on('data', (chunk: Buffer) => socket.write(Buffer.alloc(chunk.length * 3))),
    );
    proxy = await startTcpProxy({ target: { host: '127.0.0.1', port: target.port } });
    for (let i = 0; i < 2; i++) {
      const client = await connect(proxy.port);
      client.write(Buffer.alloc(1000));
      await receive(client, 3000);
      client.destroy();
    }
    expect(proxy.stats()).toMatchObject({ bytesUp: 2000, bytesDown: 6000, connections: 2 });
  });

  it('cut() destroys an open connection and refuses new ones until restore()', async () => {
    target = await startServer(echo);
    proxy = await startTcpProxy({ target: { host: '127.0.0.1', port: target.port } });
    const open = await connect(proxy.port);
    open.write('before the cut');
    await receive(open, 'before the cut'.length);
    const openClosed = collect(open);
    await until(() => target.sockets.length === 1, 'the target to see the connection');
    const targetSide = collect(target.sockets[0]);

    proxy.cut();
    await openClosed;
    await targetSide;

    // While cut, a new connection is accepted and closed at once, and never reaches the target.
    const refused = await connect(proxy.port);
    const refusedClosed = collect(refused);
    refused.write('lost');
    expect((await refusedClosed).bytes.length).toBe(0);
    expect(target.sockets).toHaveLength(1);
    expect(proxy.stats().open).toBe(0);

    proxy.restore();
    const again = await connect(proxy.port);
    again.write('after restore');
    expect((await receive(again, 'after restore'.length)).toString()).toBe('after restore');
    again.destroy();
  });

  it('dropAfter(n) destroys the connection mid-stream once n bytes reached the target, once', async () => {
    const receivedByTarget: number[] = [];
    target = await startServer((socket) => {
      const index = receivedByTarget.push(0) - 1;
      socket.on('data', (chunk: Buffer) => {
        receivedByTarget[index] += chunk.length;
        socket.write(chunk);
      });
    });
    proxy = await startTcpProxy({ target: { host: '127.0.0.1', port: target.port } });
    const payload = randomBytes(1024 * 1024);
    const n = 100_000;

    proxy.dropAfter(n);
    const client = await connect(proxy.port);
    const echoed = collect(client);
    client.write(payload);
    const { bytes, cleanEnd } = await echoed;
    await until(() => target.sockets[0].destroyed, 'the target side to close');
    expect(receivedByTarget[0]).toBe(n);
    expect(cleanEnd).toBe(false);
    expect(bytes.length).toBeLessThan(payload.length);
    expect(sha(bytes)).toBe(sha(payload.subarray(0, bytes.length)));

    // One-shot: the next connection carries everything.
    const next = await connect(proxy.port);
    const nextEchoed = collect(next);
    next.end(payload);
    expect(sha((await nextEchoed).bytes)).toBe(sha(payload));
  });

  it('latency adds at least twice the delay to a round trip and keeps byte order when changed mid-stream', async () => {
    target = await startServer(echo);
    proxy = await startTcpProxy({ target: { host: '127.0.0.1', port: target.port } });
    proxy.setLatency(150);
    const client = await connect(proxy.port);
    const started = performance.now();
    client.write('ping');
    await receive(client, 4);
    // Timers may round by a millisecond; the bound is still far above a loopback round trip.
    expect(performance.now() - started).toBeGreaterThanOrEqual(2 * 150 - 5);

    // Lowering the delay while earlier chunks are still held must not let later ones overtake them.
    const early = Buffer.from('early messages;');
    const late = Buffer.from('late messages;');
    const echoed = receive(client, early.length + late.length);
    client.write(early);
    await until(
      () => proxy.stats().queued === early.length,
      'the early bytes to be held in the delay line',
    );
    proxy.setLatency(0);
    client.write(late);
    expect((await echoed).toString()).toBe('early messages;late messages;');
    client.destroy();
  });

  it('bandwidth paces a 64 KiB transfer at 32 KiB/s over at least 1.5 s, arriving bit by bit', async () => {
    const arrivals: number[] = [];
    let received = 0;
    target = await startServer((socket) =>
      socket.on('data', (chunk: Buffer) => {
        received += chunk.length;
        arrivals.push(performance.now());
      }),
    );
    proxy = await startTcpProxy({ target: { host: '127.0.0.1', port: target.port } });
    proxy.setBandwidth(32 * 1024);
    const client = await connect(proxy.port);
    const started = performance.now();
    client.write(randomBytes(64 * 1024));
    await until(() => received === 64 * 1024, 'all bytes at the target');
    expect(performance.now() - started).toBeGreaterThanOrEqual(1500);
    // Paced, not held back and then sent at once: the first bytes come long before the last.
    expect(arrivals.length).toBeGreaterThan(8);
    expect(arrivals[arrivals.length - 1] - arrivals[0]).toBeGreaterThanOrEqual(1000);
    client.destroy();

    // The benchmark floor: the same settings on a fresh proxy to a sink take as long.
    expect(proxy.settings()).toEqual({ latencyMs: 0, bandwidth: 32 * 1024 });
    expect(await rawCopyThrough(proxy, randomBytes(64 * 1024))).toBeGreaterThanOrEqual(1500);
  });

  it('throttle and latency together keep every byte in order both ways', async () => {
    target = await startServer(echo);
    proxy = await startTcpProxy({
      target: { host: '127.0.0.1', port: target.port },
      latencyMs: 40,
      bandwidth: 256 * 1024,
    });
    const payload = randomBytes(200 * 1024);
    const client = await connect(proxy.port);
    const echoed = collect(client);
    client.end(payload);
    const { bytes, cleanEnd } = await echoed;
    expect(cleanEnd).toBe(true);
    expect(sha(bytes)).toBe(sha(payload));
  });

  it('stops reading from the client while the target does not read', async () => {
    let received = 0;
    target = await startServer((socket) => {
      socket.on('data', (chunk: Buffer) => (received += chunk.length));
      socket.pause();
    });
    proxy = await startTcpProxy({ target: { host: '127.0.0.1', port: target.port } });
    const client = await connect(proxy.port);
    client.on('error', () => undefined);
    // Far more than the loopback socket buffers on both sides of the proxy can hold.
    client.write(Buffer.alloc(64 * 1024 * 1024));
    // Wait until the client's send buffer stops shrinking: the proxy has stopped reading.
    let last = -1;
    let steady = 0;
    while (steady < 5) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      steady = client.writableLength === last ? steady + 1 : 0;
      last = client.writableLength;
    }
    expect(client.writableLength).toBeGreaterThan(0);
    expect(proxy.stats().queued).toBeLessThanOrEqual(512 * 1024);

    // Once the target reads again, the proxy resumes and everything arrives.
    target.sockets[0].resume();
    await until(() => received === 64 * 1024 * 1024, 'all bytes at the target');
    client.destroy();
  });
});
