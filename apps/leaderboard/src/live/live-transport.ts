import type {
  ClientToServerEvents,
  DisplayHelloResult,
  ServerToClientEvents,
} from '@olympiad/contracts';
import { socketLink, type LiveLink } from '@olympiad/ui';
import { io, type Socket } from 'socket.io-client';

/** What the live client needs of a connection; Socket.IO in the app, a fake in tests. */
export interface LiveTransport extends LiveLink {
  /** A paired display introduces itself (optional: only screens opened at /display do). */
  hello?(displayId: string, secret: string, timeoutMs: number): Promise<DisplayHelloResult>;
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
    ...socketLink(socket),
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
    close: () => void socket.close(),
  };
}
