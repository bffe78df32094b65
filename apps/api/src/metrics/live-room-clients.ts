import { Gauge } from 'prom-client';

/** The room kinds the live gateways make (docs/design.md#live-updates), reported even when empty. */
const KNOWN_ROOMS = [
  ['stage', 'public'],
  ['stage', 'staff'],
  ['category', 'public'],
  ['category', 'staff'],
  ['field', 'staff'],
  ['display', 'public'],
] as const;

export interface RoomKindCount {
  roomKind: string;
  audience: 'public' | 'staff';
  clients: number;
}

/**
 * This replica's sockets per room kind (`category:{id}` → category, public; `category:{id}:staff`
 * → category, staff): each socket counted once per kind, however many rooms of that kind it is in
 * (a hall screen joins every category of its stage). Socket.IO's own per-socket rooms (a socket's
 * id, no colon) are not counted.
 */
export function clientsByRoomKind(
  rooms: ReadonlyMap<string, ReadonlySet<string>>,
): RoomKindCount[] {
  const sockets = new Map<string, Set<string>>(
    KNOWN_ROOMS.map(([kind, audience]) => [`${kind} ${audience}`, new Set<string>()]),
  );
  for (const [room, members] of rooms) {
    const colon = room.indexOf(':');
    if (colon < 0) continue;
    const key = `${room.slice(0, colon)} ${room.endsWith(':staff') ? 'staff' : 'public'}`;
    let held = sockets.get(key);
    if (!held) sockets.set(key, (held = new Set()));
    for (const socket of members) held.add(socket);
  }
  return [...sockets].map(([key, held]) => {
    const [roomKind, audience] = key.split(' ') as [string, 'public' | 'staff'];
    return { roomKind, audience, clients: held.size };
  });
}

/** `olympiad_live_room_clients{room_kind,audience}`, counted from the rooms at each scrape. */
export function liveRoomClientsGauge(rooms: () => ReadonlyMap<string, ReadonlySet<string>>) {
  return new Gauge({
    name: 'olympiad_live_room_clients',
    help: 'Socket.IO clients of this replica in a room of this kind (a client in several rooms of one kind counted once)',
    labelNames: ['room_kind', 'audience'] as const,
    collect() {
      this.reset();
      for (const { roomKind, audience, clients } of clientsByRoomKind(rooms())) {
        this.set({ room_kind: roomKind, audience }, clients);
      }
    },
  });
}
