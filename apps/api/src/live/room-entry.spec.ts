import type {
  ClientToServerEvents,
  JoinResult,
  RoomRef,
  RunState,
  ServerToClientEvents,
} from '@olympiad/contracts';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { io, type Socket as ClientSocket } from 'socket.io-client';
import { enterRoom } from './room-entry';

// A real Socket.IO server on a loopback port whose snapshot builder lets the test act while the
// snapshot is being built: what a run or score broadcast in that moment would do.
const FIELD = '7c0c2f1e-0000-4000-8000-0000000000f1';
const room: RoomRef = { kind: 'field', id: FIELD };
const socketRoom = `field:${FIELD}:staff`;
const run = { fieldId: FIELD, state: 'running' } as unknown as RunState;

type Build = (server: Server<ClientToServerEvents, ServerToClientEvents>) => Promise<JoinResult>;

describe('enterRoom', () => {
  let server: Server<ClientToServerEvents, ServerToClientEvents>;
  let client: ClientSocket<ServerToClientEvents, ClientToServerEvents>;
  let build: Build;
  const received: RunState[] = [];

  beforeEach(async () => {
    received.length = 0;
    const http = createServer();
    server = new Server(http);
    server.on('connection', (socket) => {
      const enter = (_ref: RoomRef, ack: (result: JoinResult) => void) =>
        void enterRoom(socket, { socketRoom, snapshot: () => build(server) }).then(ack, () =>
          ack({ ok: false, key: 'errors.internal', message: 'failed' }),
        );
      socket.on('join', enter);
      socket.on('resync', enter);
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    client = io(`http://127.0.0.1:${(http.address() as AddressInfo).port}`, {
      transports: ['websocket'],
    });
    client.on('run:state', (state) => received.push(state));
  });

  afterEach(async () => {
    client.disconnect();
    await new Promise((resolve) => server.close(resolve));
  });

  // Socket.IO keeps one socket's packets in order: what the room got before the answer arrives first.
  const ask = (event: 'join' | 'resync') =>
    new Promise<JoinResult>((resolve) => client.emit(event, room, resolve));

  /** Broadcasts to the room and waits for an answer sent after it, so a delivered event is in. */
  const broadcastThenAsk = async () => {
    server.to(socketRoom).emit('run:state', run);
    build = async () => ({ ok: false, key: 'errors.notFound', message: 'probe' });
    return ask('resync');
  };

  it('delivers an event broadcast while the snapshot is being built', async () => {
    build = async (live) => {
      live.to(socketRoom).emit('run:state', run);
      return { ok: true, room };
    };
    await expect(ask('join')).resolves.toEqual({ ok: true, room });
    expect(received).toEqual([run]);
  });

  it('leaves the room again when the snapshot refuses or fails', async () => {
    build = async () => ({ ok: false, key: 'errors.forbidden', message: 'no' });
    await expect(ask('join')).resolves.toMatchObject({ ok: false });
    build = async () => {
      throw new Error('database gone');
    };
    await expect(ask('join')).resolves.toMatchObject({ key: 'errors.internal' });
    await broadcastThenAsk();
    expect(received).toEqual([]);
  });

  it('keeps a socket already in the room there when its resync fails', async () => {
    build = async () => ({ ok: true, room });
    await ask('join');
    build = async () => {
      throw new Error('database gone');
    };
    await expect(ask('resync')).resolves.toMatchObject({ key: 'errors.internal' });
    await broadcastThenAsk();
    expect(received).toEqual([run]);
  });
});
