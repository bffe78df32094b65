import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { io, type Socket as ClientSocket } from 'socket.io-client';
import { EncodedAnswer, liveParser } from './encoded-answer';

// A real Socket.IO server with the live parser and a real client with the default one: what a
// screen parses must not depend on whether its answer was encoded once for many joiners.
const answer = {
  ok: true,
  room: { kind: 'category', id: '7c0c2f1e-0000-4000-8000-0000000000c1' },
  standings: { version: 3, rows: [{ teamId: 't1', place: 1 }], teams: { t1: { name: 'Қыран' } } },
};

describe('liveParser', () => {
  let server: Server;
  let url: string;
  const clients: ClientSocket[] = [];

  beforeAll(async () => {
    const http = createServer();
    server = new Server(http, { parser: liveParser });
    const reply = (socket: { on: Server['on'] }) =>
      socket.on('connection', (client) => {
        client.on('encoded', (_body: unknown, ack: (value: unknown) => void) =>
          ack(new EncodedAnswer(JSON.stringify(answer))),
        );
        client.on('plain', (_body: unknown, ack: (value: unknown) => void) => ack(answer));
        client.on('binary', (_body: unknown, ack: (...values: unknown[]) => void) =>
          ack(Buffer.from([1, 2, 3]), 'two'),
        );
        client.emit('hello', { from: 'server' });
      });
    reply(server);
    reply(server.of('/displays') as unknown as Server);
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    clients.forEach((client) => client.close());
    await server.close();
  });

  async function connect(namespace = ''): Promise<ClientSocket> {
    const client = io(`${url}${namespace}`, { transports: ['websocket'], forceNew: true });
    clients.push(client);
    await new Promise<void>((resolve) => client.once('connect', () => resolve()));
    return client;
  }

  it.each(['', '/displays'])(
    'an ack with an encoded answer reaches the client as the same value as a plain one (namespace "%s")',
    async (namespace) => {
      const client = await connect(namespace);
      const encoded = await client.timeout(5000).emitWithAck('encoded', {});
      const plain = await client.timeout(5000).emitWithAck('plain', {});
      expect(encoded).toEqual(answer);
      expect(encoded).toEqual(plain);
    },
  );

  it('leaves every other packet to the default encoder: events, plain and binary acks', async () => {
    const client = io(url, { transports: ['websocket'], forceNew: true });
    clients.push(client);
    const hello = new Promise((resolve) => client.once('hello', resolve));
    expect(await hello).toEqual({ from: 'server' });
    const [bytes, two] = await new Promise<unknown[]>((resolve) =>
      client.emit('binary', {}, (...values: unknown[]) => resolve(values)),
    );
    expect(new Uint8Array(bytes as ArrayBuffer)).toEqual(new Uint8Array([1, 2, 3]));
    expect(two).toBe('two');
  });

  it('serialises to the same value anywhere else (JSON.stringify)', () => {
    expect(
      JSON.parse(JSON.stringify({ answer: new EncodedAnswer(JSON.stringify(answer)) })),
    ).toEqual({
      answer,
    });
  });
});
