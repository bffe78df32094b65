import { act } from '@testing-library/react';

type Handler = (...args: unknown[]) => void;
type Room = { kind: string; id: string };

/**
 * A stand-in for the console's Socket.IO socket in jsdom specs (mock `socket.io-client`'s `io`
 * with it): joins are answered at once by `answer`, server events are fired by hand.
 */
export class FakeLiveSocket {
  handlers = new Map<string, Handler[]>();
  joined: Room[] = [];
  connected = false;

  constructor(private readonly answer: (room: Room) => unknown) {}

  on(event: string, handler: Handler) {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), handler]);
    return this;
  }

  off(event: string, handler: Handler) {
    this.handlers.set(
      event,
      (this.handlers.get(event) ?? []).filter((other) => other !== handler),
    );
    return this;
  }

  emit(event: string, room: Room, ack: (result: unknown) => void) {
    if (event !== 'join') return this;
    this.joined.push(room);
    ack(this.answer(room));
    return this;
  }

  timeout() {
    return {
      emit: (event: string, room: Room, ack: (error: null, result: unknown) => void) =>
        this.emit(event, room, (result) => ack(null, result)),
    };
  }

  connect() {
    return this;
  }

  disconnect() {
    this.handlers.clear();
  }

  fire(event: string, payload?: unknown) {
    if (event === 'connect' || event === 'disconnect') this.connected = event === 'connect';
    act(() => (this.handlers.get(event) ?? []).forEach((handler) => handler(payload)));
  }
}
