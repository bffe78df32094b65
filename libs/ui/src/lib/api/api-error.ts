import type { ApiErrorBody } from '@olympiad/contracts';

export type ApiIssue = NonNullable<ApiErrorBody['issues']>[number];

/** Message key for a status when the server sent no usable error body (a proxy's HTML page …). */
export function keyForStatus(status: number): string {
  if (status === 400 || status === 422) return 'errors.validation';
  if (status === 401) return 'errors.unauthorized';
  if (status === 403) return 'errors.forbidden';
  if (status === 404) return 'errors.notFound';
  if (status === 409) return 'errors.conflict';
  if (status === 413) return 'errors.payloadTooLarge';
  if (status === 415) return 'errors.unsupportedMediaType';
  if (status === 429) return 'errors.tooManyRequests';
  if (status >= 500) return 'errors.internal';
  return status >= 400 ? 'errors.request' : 'errors.unknown';
}

/**
 * Everything that can go wrong with an API call, as one type: an error answer of the server
 * (status ≥ 400, with the body's key and message), no answer at all (status 0, `errors.network`),
 * or no answer in time (status 0, `errors.timeout`).
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: number,
    readonly key: string,
    message: string,
    readonly issues: ApiIssue[] = [],
  ) {
    super(message);
  }

  /** No answer from the server: the device is offline or the server is down. */
  get isNetwork(): boolean {
    return this.status === 0;
  }

  static fromBody(status: number, body: unknown): ApiError {
    if (isApiErrorBody(body))
      return new ApiError(status, body.key, body.message, body.issues ?? []);
    return new ApiError(status, keyForStatus(status), `HTTP ${status}`);
  }
}

function isApiErrorBody(body: unknown): body is ApiErrorBody {
  if (typeof body !== 'object' || body === null) return false;
  const candidate = body as Partial<ApiErrorBody>;
  return typeof candidate.key === 'string' && typeof candidate.message === 'string';
}
