import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import type { ClientToServerEvents, ServerToClientEvents } from '@olympiad/contracts';
import type { Server } from 'socket.io';
import { CategoriesQuery } from '../categories/categories.query';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { beaconOf, heldRooms, nextBeaconDelay, type CategoryVersion } from './room-beacon';

type LiveServer = Server<ClientToServerEvents, ServerToClientEvents>;

/**
 * Silent rooms (docs/deploy.md#silent-rooms): every LIVE_BEACON_MS (jittered) this replica reads the
 * versions of the category rooms it holds (one query for all of them) and tells each room's sockets
 * on this replica, through `io.local` so nothing of it depends on the Redis adapter. A client
 * behind the database's version resyncs; one that hears no beacon for a few intervals too.
 */
@Injectable()
export class RoomBeacons implements OnApplicationShutdown {
  private readonly logger = new Logger('RoomBeacons');
  private server?: LiveServer;
  private timer?: ReturnType<typeof setTimeout>;
  private failing = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly categories: CategoriesQuery,
  ) {}

  attach(server: LiveServer): void {
    this.server = server;
    this.schedule();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.server = undefined;
  }

  /**
   * One round: a beacon for every live room held here. When the versions cannot be read, the
   * stage and field rooms, whose beacon needs none, still get theirs and the category rooms none
   * (as for a category that is gone); the error is thrown after, for the round to report it.
   */
  async send(): Promise<void> {
    const server = this.server;
    if (!server) return;
    const rooms = heldRooms(server.of('/').adapter.rooms.keys());
    if (rooms.length === 0) return;
    const ids = [...new Set(rooms.filter((r) => r.ref.kind === 'category').map((r) => r.ref.id))];
    let failure: unknown;
    const rows = ids.length
      ? await this.categories.categoriesByIds(ids).catch((error: unknown) => {
          failure = error;
          return [];
        })
      : [];
    const categories = new Map<string, CategoryVersion>(rows.map((row) => [row.id, row]));
    const everyMs = this.config.liveBeaconMs;
    for (const room of rooms) {
      const beacon = beaconOf(room, categories, everyMs);
      if (beacon) server.local.to(room.socketRoom).emit('room:beacon', beacon);
    }
    if (failure !== undefined) throw failure;
  }

  private schedule(): void {
    const everyMs = this.config.liveBeaconMs;
    if (everyMs === 0 || !this.server) return;
    this.timer = setTimeout(() => void this.round(), nextBeaconDelay(everyMs));
    this.timer.unref?.();
  }

  private async round(): Promise<void> {
    try {
      await this.send();
      if (this.failing) this.logger.log('Category room beacons are sent again');
      this.failing = false;
    } catch (error) {
      // The database is away: the category rooms' silence timers take over until it answers again.
      if (!this.failing)
        this.logger.warn(
          `Category room beacons paused: ${error instanceof Error ? error.message : error}`,
        );
      this.failing = true;
    }
    this.schedule();
  }
}
