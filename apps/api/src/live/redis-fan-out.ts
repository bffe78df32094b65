import { Logger } from '@nestjs/common';
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import type { Server as IoServer } from 'socket.io';
import { timeRedisCommands } from '../metrics/redis-timing';

/**
 * Live fan-out across replicas (docs/deploy.md#live-fan-out-across-replicas): the Socket.IO Redis
 * adapter over pub/sub, so a broadcast made on one replica reaches the room's sockets on every
 * replica. Socket messages are hints: a delta lost while Redis is away shows as a version gap, and
 * the client resyncs from the database's version.
 *
 * Redis that is down never stops the server: the clients reconnect forever in the background, a
 * broadcast made meanwhile reaches this replica's sockets only, and asking how many replicas there
 * are answers "this one" so room look-ups stay local instead of waiting.
 */
export class RedisFanOut {
  private readonly logger = new Logger('RedisFanOut');
  private readonly pub: Redis;
  private readonly sub: Redis;
  private down = false;

  constructor(url: string) {
    // A publish made while reconnecting waits for that attempt only: queued publishes are dropped
    // after one failed retry, so an outage costs no memory (and those deltas become gaps).
    this.pub = timeRedisCommands(new Redis(url, { maxRetriesPerRequest: 1 }), 'fan-out');
    // The subscriptions wait for Redis however long it takes; ioredis subscribes them again on
    // every reconnect (autoResubscribe), so a restarted Redis gets this replica's channels back.
    this.sub = timeRedisCommands(
      new Redis(url, { maxRetriesPerRequest: null, autoResubscribe: true }),
      'fan-out',
    );
    for (const client of [this.pub, this.sub]) {
      client.on('error', (error: Error) => this.wentDown(error));
      client.on('ready', () => this.cameBack());
    }
    degradeToLocal(this.pub, (error) => this.wentDown(error));
  }

  attach(server: IoServer): void {
    // Listing a room waits for every replica's answer; one that is frozen or cut off costs this
    // long before the caller falls back to its own sockets (room-sockets.ts).
    server.adapter(createAdapter(this.pub, this.sub, { requestsTimeout: 2000 }));
  }

  async close(): Promise<void> {
    // QUIT would wait in the offline queue while Redis is away: then just drop the connection.
    await Promise.all(
      [this.pub, this.sub].map(async (client) => {
        if (client.status === 'ready') await client.quit().catch(() => client.disconnect());
        else client.disconnect();
      }),
    );
  }

  private wentDown(error: Error): void {
    if (this.down) return;
    this.down = true;
    this.logger.warn(
      `Redis is unreachable (${error.message}): live updates reach this replica's viewers only until it is back; retrying`,
    );
  }

  private cameBack(): void {
    if (!this.down) return;
    this.down = false;
    this.logger.log('Redis is back: live updates reach every replica again');
  }
}

/**
 * The adapter does not wait on or catch its publishes; while Redis is away a publish is dropped
 * (with a warning) rather than left as an unhandled rejection, and the replica count is one.
 */
function degradeToLocal(pub: Redis, onError: (error: Error) => void): void {
  type Callback = (error: Error | null, result?: unknown) => void;
  type SendCommand = (command: string, args: string[], callback: Callback) => unknown;
  const publish = pub.publish.bind(pub) as (
    channel: string,
    message: string | Buffer,
  ) => Promise<number>;
  // `send_command` (how the adapter calls PUBSUB on ioredis) is not in ioredis's typings.
  const sendCommand = (pub as unknown as { send_command: SendCommand }).send_command.bind(pub);
  Object.assign(pub, {
    publish: (channel: string, message: string | Buffer) =>
      publish(channel, message).catch((error: Error) => {
        onError(error);
        return 0;
      }),
    // The adapter counts replicas with PUBSUB NUMSUB before asking them for their sockets.
    send_command: (command: string, args: string[], callback: Callback) =>
      sendCommand(command, args, (error, result) => {
        if (error && command.toUpperCase() === 'PUBSUB') {
          onError(error);
          return callback(null, [args[1], 1]);
        }
        callback(error, result);
      }),
  });
}
