import type { Logger } from '@nestjs/common';

interface RoomLister<Socket> {
  in(room: string): { fetchSockets(): Promise<Socket[]> };
  local: { in(room: string): { fetchSockets(): Promise<Socket[]> } };
}

/**
 * A room's sockets on every replica, or this replica's own when another does not answer: with
 * Redis, listing a room asks every replica and waits for all of them, and a replica that is frozen
 * or cut off (still counted until Redis drops its connection) would turn a judge's request into a
 * time-out. A notification that misses that replica's sockets is repaired by their next snapshot.
 */
export async function roomSockets<Socket>(
  server: RoomLister<Socket>,
  room: string,
  logger: Logger,
): Promise<Socket[]> {
  try {
    return await server.in(room).fetchSockets();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    logger.warn(`Listing ${room} across replicas failed (${reason}): this replica's sockets only`);
    return server.local.in(room).fetchSockets();
  }
}
