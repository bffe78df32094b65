import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type Redis from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { timeRedisCommands } from '../metrics/redis-timing';

/**
 * Whether the Redis of REDIS_URL answers, for the readiness probe. Its own small connection: a
 * probe must not queue behind the fan-out's traffic, and it never retries, so a dead Redis is a
 * quick `down` rather than a hanging probe.
 */
@Injectable()
export class RedisPing implements OnModuleDestroy {
  private client?: Redis;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get configured(): boolean {
    return this.config.redisUrl !== undefined;
  }

  async ping(): Promise<void> {
    if (!this.config.redisUrl) return;
    // Loaded only with REDIS_URL (docs/performance.md#memory-per-viewer).
    const { default: RedisClient } = await import('ioredis');
    this.client ??= timeRedisCommands(
      new RedisClient(this.config.redisUrl, {
        lazyConnect: true,
        enableOfflineQueue: false,
        maxRetriesPerRequest: 0,
        connectTimeout: 2000,
        retryStrategy: () => 1000,
      }),
      'health',
    );
    if (this.client.status === 'wait') await this.client.connect();
    await this.client.ping();
  }

  onModuleDestroy(): void {
    this.client?.disconnect();
  }
}
