import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { ApiErrorBody } from '@olympiad/contracts';
import type { Response } from 'express';
import { ZodValidationException } from 'nestjs-zod';
import { ApiError, keyForStatus } from './api-error';
import { issuesFromZod } from './zod-issues';

/** Every error leaves the API as an ApiErrorBody; nothing but a real fault becomes a 500. */
@Catch()
export class ApiErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiError');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') {
      throw exception;
    }
    const body = this.toBody(exception);
    if (body.key === STORAGE_FULL.key || body.key === DATABASE_AWAY.key) {
      // An operating condition with a clear answer, not a fault of the code: one line to act on.
      this.logger.warn(`${body.message} (${(exception as Error).message})`);
    } else if (body.statusCode >= 500) {
      this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    }
    host.switchToHttp().getResponse<Response>().status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ApiErrorBody {
    if (exception instanceof ApiError) {
      return exception.toBody();
    }
    if (exception instanceof ZodValidationException) {
      const issues = issuesFromZod(exception.getZodError());
      return {
        statusCode: 400,
        key: 'errors.validation',
        message: issues.map((issue) => `${issue.path || 'body'}: ${issue.message}`).join('; '),
        issues,
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      return { statusCode: status, key: keyForStatus(status), message: messageOf(exception) };
    }
    if (isStorageFull(exception)) return { ...STORAGE_FULL };
    if (isDatabaseAway(exception)) return { ...DATABASE_AWAY };
    const status = httpStatusOfLowLevelError(exception);
    if (status) {
      return {
        statusCode: status,
        key: keyForStatus(status),
        message: (exception as Error).message,
      };
    }
    return { statusCode: 500, key: 'errors.internal', message: 'Internal server error' };
  }
}

/**
 * Nothing was stored because the disk is full (docs/reliability.md#a-full-disk): a 503 the client
 * may send again once there is space, as the judge tablets' outbox does with every 5xx.
 */
const STORAGE_FULL: ApiErrorBody = {
  statusCode: 503,
  key: 'errors.storageFull',
  message:
    "The server's disk is full: nothing was saved. Free space on the server, then try again.",
};

/**
 * The database server went away under the request (restarted, still recovering, unreachable):
 * nothing was saved, and the same request may be sent again in a moment.
 */
const DATABASE_AWAY: ApiErrorBody = {
  statusCode: 503,
  key: 'errors.databaseUnavailable',
  message: "The server's database is not reachable: nothing was saved. Try again in a moment.",
};

/** node-postgres' cut or refused connection, PostgreSQL's shutdown (57P0x) and connection (08xxx) classes. */
const DATABASE_AWAY_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', '57P01', '57P02', '57P03']);

export function isDatabaseAway(error: unknown): boolean {
  return someCause(error, (e) => {
    const code = typeof e.code === 'string' ? e.code : '';
    return (
      DATABASE_AWAY_CODES.has(code) ||
      code.startsWith('08') ||
      /^Connection terminated/.test(String(e.message ?? ''))
    );
  });
}

/** SQLite's SQLITE_FULL, PostgreSQL's disk_full (53100), a file write's ENOSPC, as TypeORM wraps them. */
export function isStorageFull(error: unknown): boolean {
  return someCause(
    error,
    (e) => e.code === 'SQLITE_FULL' || e.code === '53100' || e.code === 'ENOSPC',
  );
}

type Cause = { code?: unknown; message?: unknown; driverError?: unknown };

/** Whether the error, or the driver's error TypeORM wraps in it, passes `test`. */
function someCause(error: unknown, test: (cause: Cause) => boolean): boolean {
  let cause = error as Cause | null;
  for (let depth = 0; cause && typeof cause === 'object' && depth < 3; depth++) {
    if (test(cause)) return true;
    cause = cause.driverError as Cause | null;
  }
  return false;
}

function messageOf(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  return Array.isArray(message) ? message.join('; ') : String(message ?? exception.message);
}

/** body-parser and friends attach a 4xx `status` to their errors (too large, malformed JSON). */
export function httpStatusOfLowLevelError(error: unknown): number | undefined {
  const status = (error as { status?: unknown; statusCode?: unknown } | null)?.status;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}
