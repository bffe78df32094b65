import { Injectable, NestMiddleware } from '@nestjs/common';
import { AsyncLocalStorage } from 'node:async_hooks';
import type { IncomingMessage, ServerResponse } from 'node:http';

const context = new AsyncLocalStorage<{ requestId: string | null }>();
const GIVEN_ID = /^[\w.:-]{1,128}$/;

/** The id of the HTTP request being served, if any: pino's (LOG_FORMAT=json) or the one a proxy sent. */
export function currentRequestId(): string | null {
  return context.getStore()?.requestId ?? null;
}

/** Keeps each request's id at hand for the audit rows it writes, without threading it through every service. */
@Injectable()
export class AuditRequestContext implements NestMiddleware {
  use(
    request: IncomingMessage & { id?: unknown },
    _response: ServerResponse,
    next: () => void,
  ): void {
    const given = request.id ?? request.headers['x-request-id'];
    const requestId = typeof given === 'string' && GIVEN_ID.test(given) ? given : null;
    context.run({ requestId }, next);
  }
}
