import type { JoinResult, RoomRef, ServerToClientEvents } from '@olympiad/contracts';
import type { LiveTransport } from './live-transport';

type Handlers = { [E in keyof ServerToClientEvents]?: ServerToClientEvents[E][] };

/** A scripted stand-in for the Socket.IO connection, for tests of the live client. */
export class FakeTransport implements LiveTransport {
  connected = false;
  readonly requests: { event: 'join' | 'resync'; room: RoomRef }[] = [];
  readonly left: RoomRef[] = [];
  answer: (event: 'join' | 'resync', room: RoomRef) => JoinResult | Promise<JoinResult> = () => ({
    ok: false,
    key: 'test.noAnswer',
    message: 'no answer scripted',
  });
  private connectListeners: (() => void)[] = [];
  private disconnectListeners: (() => void)[] = [];
  private handlers: Handlers = {};

  onConnect(listener: () => void) {
    this.connectListeners.push(listener);
    return () => void (this.connectListeners = this.connectListeners.filter((l) => l !== listener));
  }

  onDisconnect(listener: () => void) {
    this.disconnectListeners.push(listener);
    return () =>
      void (this.disconnectListeners = this.disconnectListeners.filter((l) => l !== listener));
  }

  on<E extends keyof ServerToClientEvents>(event: E, listener: ServerToClientEvents[E]) {
    (this.handlers[event] ??= [] as never[]).push(listener as never);
    return () => {
      this.handlers[event] = (this.handlers[event] as never[]).filter(
        (l) => l !== listener,
      ) as never;
    };
  }

  request(
    event: 'join' | 'resync',
    room: RoomRef,
    _timeoutMs: number,
    answer: (error: Error | null, result?: JoinResult) => void,
  ): void {
    this.requests.push({ event, room });
    void Promise.resolve(this.answer(event, room)).then(
      (result) => answer(null, result),
      (error: Error) => answer(error),
    );
  }

  leave(room: RoomRef) {
    this.left.push(room);
  }

  isConnected() {
    return this.connected;
  }

  close() {
    this.connected = false;
  }

  connect() {
    this.connected = true;
    this.connectListeners.forEach((listener) => listener());
  }

  disconnect() {
    this.connected = false;
    this.disconnectListeners.forEach((listener) => listener());
  }

  push<E extends keyof ServerToClientEvents>(
    event: E,
    ...args: Parameters<ServerToClientEvents[E]>
  ) {
    for (const handler of this.handlers[event] ?? [])
      (handler as (...a: unknown[]) => void)(...args);
  }
}
