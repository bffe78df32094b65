import type { MessageMappingProperties } from '@nestjs/websockets';
import type { Observable } from 'rxjs';

/** What of a Socket.IO socket the binding uses (Nest's adapter brings its own copy of socket.io). */
export interface MessageSocket {
  on(event: string, listener: (...args: unknown[]) => void): unknown;
  emit(event: string, ...args: unknown[]): unknown;
}

/**
 * Binds a gateway's `@SubscribeMessage` handlers to one socket with one plain listener each
 * (docs/performance.md#memory-per-viewer). Nest's IoAdapter builds an RxJS pipeline per handler per
 * socket (fromEvent → mergeMap → filter → map → takeUntil(disconnect)), about 3 KB a handler, and
 * every gateway's handlers are bound to every socket: with five handlers that was the largest share
 * of a viewer's memory. What the client sees is the same: the handler's answer is the ack (or an
 * `{ event, data }` answer is emitted), nothing is sent for an empty answer, and an answer that
 * comes after the socket disconnected is dropped by Socket.IO.
 */
export function bindPlainMessageHandlers(
  socket: MessageSocket,
  handlers: MessageMappingProperties[],
  transform: (data: unknown) => Observable<unknown>,
): void {
  for (const { message, callback, isAckHandledManually } of handlers) {
    socket.on(message as string, (...args: unknown[]) => {
      const { data, ack } = splitAck(args);
      transform(callback(data, ack)).subscribe((response) => {
        if (response === null || response === undefined) return;
        const event = response as { event?: string; data?: unknown };
        if (event.event) {
          socket.emit(event.event, event.data);
          return;
        }
        if (!isAckHandledManually && typeof ack === 'function') ack(response);
      });
    });
  }
}

/** The message's data and its ack, as Nest's IoAdapter.mapPayload splits them. */
function splitAck(args: unknown[]): { data: unknown; ack?: (response: unknown) => void } {
  const last = args[args.length - 1];
  if (typeof last !== 'function') return { data: args.length > 1 ? args : args[0] };
  const rest = args.slice(0, -1);
  return { data: rest.length > 1 ? rest : rest[0], ack: last as (response: unknown) => void };
}
