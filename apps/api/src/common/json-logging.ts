import type { DynamicModule, LoggerService } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Logger, LoggerModule } from 'nestjs-pino';
import type { AppConfig } from '../config/app-config';
import { START_UP_CONTEXTS } from './venue-logger';

const PINO_LEVELS: Record<AppConfig['logLevel'], string> = {
  error: 'error',
  warn: 'warn',
  log: 'info',
  debug: 'debug',
  verbose: 'trace',
};

/** A request id a proxy sent along is kept (one id across the balancer and the replica); else a new one. */
const GIVEN_ID = /^[\w.:-]{1,128}$/;

function requestId(request: IncomingMessage, response: ServerResponse): string {
  const given = request.headers['x-request-id'];
  const id = typeof given === 'string' && GIVEN_ID.test(given) ? given : randomUUID();
  response.setHeader('X-Request-Id', id);
  return id;
}

/**
 * With LOG_FORMAT=json (docs/deploy.md#health-metrics-and-logs): pino writes every log record and
 * one line per request as JSON, each with the request's id. Without it, nothing here is loaded.
 */
export function jsonLoggingModules(config: AppConfig): DynamicModule[] {
  if (config.logFormat !== 'json') return [];
  return [
    LoggerModule.forRoot({
      pinoHttp: {
        level: PINO_LEVELS[config.logLevel],
        genReqId: requestId,
        redact: ['req.headers.authorization', 'req.headers.cookie'],
      },
    }),
  ];
}

/** The JSON logger, as quiet at start as the text one (venue-logger.ts). */
export class QuietJsonLogger implements LoggerService {
  constructor(
    private readonly logger: Logger,
    private readonly startUpReport: boolean,
  ) {}

  log(message: unknown, ...optionalParams: unknown[]): void {
    const context = optionalParams.at(-1);
    if (!this.startUpReport && typeof context === 'string' && START_UP_CONTEXTS.has(context))
      return;
    this.logger.log(message, ...optionalParams);
  }
  error(message: unknown, ...optionalParams: unknown[]): void {
    this.logger.error(message, ...optionalParams);
  }
  warn(message: unknown, ...optionalParams: unknown[]): void {
    this.logger.warn(message, ...optionalParams);
  }
  debug(message: unknown, ...optionalParams: unknown[]): void {
    this.logger.debug(message, ...optionalParams);
  }
  verbose(message: unknown, ...optionalParams: unknown[]): void {
    this.logger.verbose(message, ...optionalParams);
  }
  fatal(message: unknown, ...optionalParams: unknown[]): void {
    this.logger.fatal(message, ...optionalParams);
  }
}
