import type { RoomBeacon, RoomRef } from '@olympiad/contracts';

/** A live room this replica holds sockets in, as the socket room's name says. */
export interface HeldRoom {
  socketRoom: string;
  ref: RoomRef;
  staff: boolean;
}

/** What the beacon needs of a category: its stored standings version and whether it is public. */
export interface CategoryVersion {
  id: string;
  standingsVersion: number;
  published: boolean;
}

const LIVE_ROOM = /^(stage|category|field):([0-9a-f-]{36})(:staff)?$/;

/** The live rooms among a replica's socket rooms (every socket is also a room of its own id). */
export function heldRooms(socketRooms: Iterable<string>): HeldRoom[] {
  const rooms: HeldRoom[] = [];
  for (const socketRoom of socketRooms) {
    const match = LIVE_ROOM.exec(socketRoom);
    if (!match) continue;
    const ref = { kind: match[1], id: match[2] } as RoomRef;
    rooms.push({ socketRoom, ref, staff: match[3] !== undefined });
  }
  return rooms;
}

/**
 * The beacon of one room. A category room says the database's version; its public room says
 * `null` while the category is not published, so an embargo shows nothing, not even how many
 * entries were made. A category that is gone gets no beacon: its viewers are told nothing new.
 */
export function beaconOf(
  room: HeldRoom,
  categories: ReadonlyMap<string, CategoryVersion>,
  everyMs: number,
): RoomBeacon | null {
  const { kind, id } = room.ref;
  if (kind !== 'category') return { kind, id, everyMs };
  const category = categories.get(id);
  if (!category) return null;
  const visible = room.staff || category.published;
  return { kind, id, version: visible ? category.standingsVersion : null, everyMs };
}

/** The wait before the next beacon: `everyMs` on average, ±25 %, so replicas do not keep step. */
export function nextBeaconDelay(everyMs: number, random: () => number = Math.random): number {
  return Math.round(everyMs * (0.75 + random() * 0.5));
}
