import { Controller, HttpStatus, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type HealthCheckResult,
  HealthCheckService,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import { routes, type ProbeAnswer } from '@olympiad/contracts';
import type { Response } from 'express';
import { Public } from '../auth/auth.decorators';
import { Route } from '../common/routes/route.decorator';
import { MqttBrokerService } from '../mqtt/mqtt-broker.service';
import { MqttConnectionService } from '../mqtt/mqtt-connection.service';
import { RedisPing } from './redis-ping';
import { ShutdownState } from './shutdown-state';

const CHECK_TIMEOUT_MS = 2000;

/**
 * What a load balancer asks each replica (docs/deploy.md#health-metrics-and-logs): whether the
 * process answers (live) and whether it should get requests (ready). GET /api/health stays the
 * detailed report for people.
 */
@ApiTags('health')
@Public()
@Controller()
export class ProbesController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicator: HealthIndicatorService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly broker: MqttBrokerService,
    private readonly connection: MqttConnectionService,
    private readonly redis: RedisPing,
    private readonly shutdown: ShutdownState,
  ) {}

  @Route(routes.health.live)
  live(): ProbeAnswer {
    return { status: 'ok', details: { process: { status: 'up' } } };
  }

  @Route(routes.health.ready)
  async ready(@Res({ passthrough: true }) response: Response): Promise<ProbeAnswer> {
    const answer = await this.checkReady();
    if (answer.status !== 'ok') response.status(HttpStatus.SERVICE_UNAVAILABLE);
    return answer;
  }

  private async checkReady(): Promise<ProbeAnswer> {
    const checks = [
      () => this.database.pingCheck('database').withTimeout(CHECK_TIMEOUT_MS),
      () =>
        this.indicator.check('mqtt').attempt(() => {
          const broker = this.broker.health();
          const ready =
            this.connection.connected && (broker.mode === 'external' || broker.listening);
          if (!ready) throw new Error(`MQTT (${broker.mode}) is not connected`);
        }),
      ...(this.redis.configured
        ? [
            () =>
              this.indicator
                .check('redis')
                .attempt(() => this.redis.ping())
                .withTimeout(CHECK_TIMEOUT_MS),
          ]
        : []),
    ];
    let result: HealthCheckResult;
    try {
      result = await this.health.check(checks);
    } catch (error) {
      // Terminus refuses with a 503 that carries the same report.
      result = (error as { getResponse(): HealthCheckResult }).getResponse();
    }
    const details: ProbeAnswer['details'] = {};
    for (const [key, check] of Object.entries(result.details)) {
      const message = typeof check['message'] === 'string' ? check['message'] : undefined;
      details[key] = {
        status: check.status === 'up' ? 'up' : 'down',
        ...(message ? { message } : {}),
      };
    }
    if (this.shutdown.isStopping) {
      return { status: 'shutting_down', details };
    }
    return { status: result.status === 'ok' ? 'ok' : 'error', details };
  }
}
