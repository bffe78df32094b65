import type {
  ClientToServerEvents,
  DisplayHelloResult,
  JoinResult,
  RoomRef,
  ServerToClientEvents,
} from '@olympiad/contracts';
import { io, type Socket } from 'socket.io-client';

/** What the live client needs of a connection; Socket.IO in the app, a fake in tests. */
export interface LiveTransport {
  onConnect(listener: () => void): void;
  onDisconnect(listener: () => void): void;
  on<E extends keyof ServerToClientEvents>(event: E, listener: ServerToClientEvents[E]): void;
  /** Emits `join` or `resync` and resolves with the server's answer; rejects after `timeoutMs`. */
  request(event: 'join' | 'resync', room: RoomRef, timeoutMs: number): Promise<JoinResult>;
  leave(room: RoomRef): void;
  /** A paired display introduces itself (optional: only screens opened at /display do). */
  hello?(displayId: string, secret: string, timeoutMs: number): Promise<DisplayHelloResult>;
  isConnected(): boolean;
  close(): void;
}

/**
 * The Socket.IO connection of a public viewer: same origin, path /socket.io, no token.
 * WebSocket only: no long-polling phase, so replicas behind a load balancer need no sticky
 * sessions, and a screen's traffic is one connection that is easy to reason about.
 */
export function socketIoTransport(
  socket: Socket<ServerToClientEvents, ClientToServerEvents> = io({
    path: '/socket.io',
    transports: ['websocket'],
    reconnectionDelayMax: 3_000,
  }),
): LiveTransport {
  socket.on('disconnect', (reason) => {
    // The server closed this socket on purpose (e.g. a restart): Socket.IO does not retry by itself.
    if (reason === 'io server disconnect') socket.connect();
  });
  return {
    onConnect: (listener) => void socket.on('connect', listener),
    onDisconnect: (listener) => void socket.on('disconnect', () => listener()),
    on: (event, listener) => void socket.on(event, listener as never),
    request: (event, room, timeoutMs) =>
      new Promise<JoinResult>((resolve, reject) => {
        socket.timeout(timeoutMs).emit(event, room, (error: Error | null, result: JoinResult) => {
          if (error) reject(error);
          else resolve(result);
        });
      }),
    leave: (room) => void socket.emit('leave', room),
    hello: (displayId, secret, timeoutMs) =>
      new Promise<DisplayHelloResult>((resolve, reject) => {
        socket
          .timeout(timeoutMs)
          .emit(
            'display:hello',
            { displayId, secret },
            (error: Error | null, result: DisplayHelloResult) =>
              error ? reject(error) : resolve(result),
          );
      }),
    isConnected: () => socket.connected,
    close: () => void socket.close(),
  };
}
