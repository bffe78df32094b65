import { Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import {
  ConnectedSocket,
  MessageBody,
  SubscribeMessage,
  WebSocketGateway,
  type OnGatewayConnection,
} from '@nestjs/websockets';
import type { AddressInfo } from 'node:net';
import { io, type Socket as ClientSocket } from 'socket.io-client';
import type { Socket } from 'socket.io';
import { MultiListenerIoAdapter } from '../tls/https-listener';

@WebSocketGateway({ serveClient: false })
class EchoGateway implements OnGatewayConnection {
  readonly sockets: Socket[] = [];

  handleConnection(socket: Socket): void {
    this.sockets.push(socket);
  }

  @SubscribeMessage('echo')
  async echo(@MessageBody() body: unknown): Promise<unknown> {
    return { echoed: body };
  }

  @SubscribeMessage('shout')
  shout(@ConnectedSocket() socket: Socket, @MessageBody() body: string) {
    return { event: 'shouted', data: `${body}!` };
  }

  @SubscribeMessage('quiet')
  quiet(): void {
    return undefined;
  }
}

@Module({ providers: [EchoGateway] })
class EchoModule {}

// A real Nest application with the server's Socket.IO adapter, and a real Socket.IO client.
describe('the live adapter binds message handlers with plain listeners', () => {
  let app: INestApplication;
  let client: ClientSocket;
  let gateway: EchoGateway;

  beforeEach(async () => {
    app = await NestFactory.create(EchoModule, { logger: false });
    app.useWebSocketAdapter(new MultiListenerIoAdapter(app, []));
    await app.listen(0, '127.0.0.1');
    gateway = app.get(EchoGateway);
    const { port } = app.getHttpServer().address() as AddressInfo;
    client = io(`http://127.0.0.1:${port}`, { transports: ['websocket'] });
    await new Promise<void>((resolve) => client.once('connect', () => resolve()));
  });

  afterEach(async () => {
    client.disconnect();
    await app.close();
  });

  it("acks a message with its handler's answer, with the data the client sent", async () => {
    await expect(client.emitWithAck('echo', { kind: 'category', id: 'c1' })).resolves.toEqual({
      echoed: { kind: 'category', id: 'c1' },
    });
  });

  it('emits an `{ event, data }` answer as that event', async () => {
    const shouted = new Promise((resolve) => client.once('shouted', resolve));
    client.emit('shout', 'go');
    await expect(shouted).resolves.toBe('go!');
  });

  it('sends nothing for an empty answer, and the socket goes on answering', async () => {
    const events: string[] = [];
    client.onAny((event: string) => events.push(event));
    client.emit('quiet', {}, () => events.push('quiet acked'));
    await expect(client.emitWithAck('echo', 1)).resolves.toEqual({ echoed: 1 });
    expect(events).toEqual([]);
  });

  // docs/performance.md#memory-per-viewer: Nest's own binding kept an RxJS pipeline per handler and
  // socket, ended by a subscription on each socket's disconnect; a plain listener needs neither.
  it('adds one listener per handler to a socket and none on its disconnect', () => {
    const [socket] = gateway.sockets;
    expect(['echo', 'shout', 'quiet'].map((event) => socket.listenerCount(event))).toEqual([
      1, 1, 1,
    ]);
    // The one left is Nest's own connection bookkeeping (its gateway's disconnect hook).
    expect(socket.listenerCount('disconnect')).toBe(1);
  });
});
