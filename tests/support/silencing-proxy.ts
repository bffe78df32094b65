import * as net from 'node:net';

/**
 * A TCP relay between a replica and its Redis that can go silent: every connection stays open and
 * everything the replica sends still reaches Redis, but what Redis sends back is dropped. To the
 * replica's subscriber the adapter looks subscribed and healthy while no message arrives, as after
 * a resubscription that silently failed (docs/deploy.md#silent-rooms).
 */
export class SilencingProxy {
  silent = false;
  private readonly sockets = new Set<net.Socket>();
  private readonly server = net.createServer((client) => this.relay(client));

  private constructor(private readonly upstreamPort: number) {}

  static async start(upstreamPort: number): Promise<SilencingProxy> {
    const proxy = new SilencingProxy(upstreamPort);
    await new Promise<void>((resolve) => proxy.server.listen(0, '127.0.0.1', resolve));
    return proxy;
  }

  get port(): number {
    return (this.server.address() as net.AddressInfo).port;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private relay(client: net.Socket): void {
    const upstream = net.connect(this.upstreamPort, '127.0.0.1');
    for (const socket of [client, upstream]) {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
      socket.on('error', () => undefined);
    }
    client.on('data', (chunk) => upstream.write(chunk));
    upstream.on('data', (chunk) => {
      if (!this.silent) client.write(chunk);
    });
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  }
}
