import { HttpException, HttpStatus } from '@nestjs/common';
import type { ApiErrorBody } from '@olympiad/contracts';

/**
 * A refusal the client can act on: an HTTP status, an i18n key (libs/i18n has kk/ru/en for it)
 * and an English message. Thrown by use cases; turned into the response body by ApiErrorFilter.
 */
export class ApiError extends HttpException {
  constructor(
    status: HttpStatus,
    readonly key: string,
    message: string,
    readonly issues?: ApiErrorBody['issues'],
  ) {
    super(message, status);
  }

  toBody(): ApiErrorBody {
    return {
      statusCode: this.getStatus(),
      key: this.key,
      message: this.message,
      ...(this.issues ? { issues: this.issues } : {}),
    };
  }
}

export const notFound = (what: string, id: string) =>
  new ApiError(HttpStatus.NOT_FOUND, 'errors.notFound', `${what} ${id} was not found`);

export const forbidden = (message: string) => new ApiError(HttpStatus.FORBIDDEN, 'errors.forbidden', message);

export const conflict = (key: string, message: string) => new ApiError(HttpStatus.CONFLICT, key, message);

export const invalid = (message: string, issues?: ApiErrorBody['issues'], key = 'errors.validation') =>
  new ApiError(HttpStatus.BAD_REQUEST, key, message, issues);

/** Keys for the statuses Nest or Express raise on their own (unknown route, body too large …). */
export function keyForStatus(status: number): string {
  switch (status) {
    case 400:
      return 'errors.validation';
    case 401:
      return 'errors.unauthorized';
    case 403:
      return 'errors.forbidden';
    case 404:
      return 'errors.notFound';
    case 409:
      return 'errors.conflict';
    case 413:
      return 'errors.payloadTooLarge';
    case 415:
      return 'errors.unsupportedMediaType';
    case 429:
      return 'errors.tooManyRequests';
    default:
      return status >= 500 ? 'errors.internal' : 'errors.request';
  }
}

/** A body that names something that does not exist (an unknown category, region …). */
export const unknownReference = (path: string, what: string, id: string) =>
  new ApiError(HttpStatus.BAD_REQUEST, 'errors.unknownReference', `${path}: there is no ${what} ${id}`, [
    { path, key: 'errors.unknownReference', message: `there is no ${what} ${id}` },
  ]);
