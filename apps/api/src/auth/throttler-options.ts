import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import {
  ThrottlerStorageService,
  type ThrottlerModuleOptions,
  type ThrottlerStorage,
} from '@nestjs/throttler';
import type { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import type { AppConfig } from '../config/app-config';
import { timeRedisCommands } from '../metrics/redis-timing';

/**
 * The rate limiter's settings. On one venue laptop (no REDIS_URL) the attempts are counted in the
 * process, as the throttler does by default; with REDIS_URL every replica counts in the one Redis,
 * so attempts spread over replicas meet the same limit (docs/deploy.md#rate-limits-across-replicas).
 */
export async function throttlerOptions(config: AppConfig): Promise<ThrottlerModuleOptions> {
  const throttlers = [{ name: 'default', ttl: 60_000, limit: 10 }];
  if (!config.redisUrl) return throttlers;
  // Loaded only with REDIS_URL (docs/performance.md#memory-per-viewer).
  const { ThrottlerStorageRedisService } = await import('@nest-lab/throttler-storage-redis');
  // No offline queue and one retry: a request asks Redis once and falls back, never waits for a reconnect.
  const shared = new ThrottlerStorageRedisService(config.redisUrl, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
  });
  return { throttlers, storage: new SharedThrottlerStorage(shared) };
}

/**
 * Counts in Redis; while Redis cannot answer, each replica counts on its own in memory, so a
 * sign-in is still limited (per replica) rather than refused or left waiting.
 */
class SharedThrottlerStorage implements ThrottlerStorage, OnApplicationShutdown {
  private readonly logger = new Logger('RateLimit');
  private readonly local = new ThrottlerStorageService();
  private redisDown = false;

  constructor(private readonly shared: ThrottlerStorageRedisService) {
    this.shared.redis.on('error', () => undefined);
    timeRedisCommands(this.shared.redis, 'rate-limit');
  }

  async increment(key: string, ttl: number, limit: number, blockDuration: number, name: string) {
    try {
      const record = await this.shared.increment(key, ttl, limit, blockDuration, name);
      if (this.redisDown)
        this.logger.log('Redis answers again: attempts are counted across replicas');
      this.redisDown = false;
      return record;
    } catch (error) {
      if (!this.redisDown) {
        this.logger.warn(
          `Redis cannot count attempts (${(error as Error).message}): this replica counts on its own until it can`,
        );
      }
      this.redisDown = true;
      return this.local.increment(key, ttl, limit, blockDuration, name);
    }
  }

  onApplicationShutdown() {
    this.shared.onModuleDestroy();
    this.local.onApplicationShutdown();
  }
}
