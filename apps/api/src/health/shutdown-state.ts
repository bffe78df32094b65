import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

/**
 * Whether this replica is stopping. From the stop signal on, /api/health/ready answers 503, and
 * the server keeps serving for SHUTDOWN_DRAIN_MS so a load balancer takes it out of rotation
 * before it closes (docs/deploy.md#health-metrics-and-logs).
 */
@Injectable()
export class ShutdownState implements OnModuleDestroy {
  private stopping = false;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get isStopping(): boolean {
    return this.stopping;
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    if (this.config.shutdownDrainMs > 0) {
      await new Promise((resolve) => setTimeout(resolve, this.config.shutdownDrainMs));
    }
  }
}
