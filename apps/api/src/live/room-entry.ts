import type { JoinResult } from '@olympiad/contracts';
import type { EncodedAnswer } from './encoded-answer';

/** A join the service lets in: the socket room, and how to build what the client sees first. */
export interface RoomAdmission<R extends { ok: boolean } = JoinResult | EncodedAnswer> {
  socketRoom: string;
  snapshot: () => Promise<R>;
}

/** What of a Socket.IO socket entering a room takes. */
export interface RoomMember {
  readonly rooms: ReadonlySet<string>;
  join(room: string): void | Promise<void>;
  leave(room: string): void | Promise<void>;
}

/**
 * Puts the socket in its room first and only then builds the snapshot (docs/design.md#live-updates):
 * an event sent while the snapshot is built reaches the client after it, where a snapshot built
 * first would miss the event and the room would never send it. A snapshot refused or failed takes
 * a socket out of the room again, unless it was there before (a resync).
 */
export async function enterRoom<R extends { ok: boolean } = JoinResult | EncodedAnswer>(
  socket: RoomMember,
  admission: RoomAdmission<R>,
): Promise<R> {
  const wasIn = socket.rooms.has(admission.socketRoom);
  await socket.join(admission.socketRoom);
  const leave = async () => {
    if (!wasIn) await socket.leave(admission.socketRoom);
  };
  try {
    const result = await admission.snapshot();
    if (!result.ok) await leave();
    return result;
  } catch (error) {
    await leave();
    throw error;
  }
}
