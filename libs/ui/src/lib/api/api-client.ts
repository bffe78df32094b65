import {
  type ApiRoute,
  type JsonRoute,
  type RouteAddress,
  type RouteAnswer,
  type RouteInput,
  type RouteOf,
  routePath,
} from '@olympiad/contracts';
import { ApiError } from './api-error';

export interface ApiClientOptions {
  /** Prefix of every path, '' for the page's own origin. */
  baseUrl?: string;
  /** The Bearer token to send, read at each call; null sends none. */
  getToken?: () => string | null;
  /** Milliseconds before a call gives up with `errors.timeout`. */
  timeoutMs?: number;
  /** Called with every 401 answer, e.g. to sign out. */
  onUnauthorized?: (error: ApiError) => void;
  fetch?: typeof fetch;
}

export interface RequestOptions {
  signal?: AbortSignal;
}

type CallArgs<R extends ApiRoute> =
  Record<never, never> extends RouteInput<R>
    ? [input?: RouteInput<R>, options?: RequestOptions]
    : [input: RouteInput<R>, options?: RequestOptions];

type JsonAddress = RouteAddress<JsonRoute>;

export interface ApiClient {
  /**
   * Calls a route of libs/contracts' table (`routes.area.name`): its path filled, its body sent,
   * its answer typed by the route's schema.
   */
  call<A extends JsonAddress>(
    route: A,
    ...args: CallArgs<RouteOf<A>>
  ): Promise<RouteAnswer<RouteOf<A>>>;
  /** The address of a route (a file to download or link, an upload), with the client's base URL. */
  url<A extends RouteAddress>(route: A, ...args: CallArgs<RouteOf<A>>): string;
}

const DEFAULT_TIMEOUT_MS = 10_000;

/** A small fetch wrapper: JSON both ways, the Bearer token, a timeout, and errors as ApiError. */
export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  const baseUrl = options.baseUrl ?? '';
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  async function request<T>(
    method: string,
    path: string,
    body: unknown,
    requestOptions?: RequestOptions,
  ): Promise<T> {
    const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const callerSignal = requestOptions?.signal;
    const forwardAbort = () => controller.abort();
    callerSignal?.addEventListener('abort', forwardAbort);
    if (callerSignal?.aborted) controller.abort();

    const headers: Record<string, string> = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const token = options.getToken?.();
    if (token) headers['Authorization'] = `Bearer ${token}`;

    let response: Response;
    try {
      response = await doFetch(`${baseUrl}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: controller.signal,
      });
    } catch (cause) {
      if (timedOut) throw new ApiError(0, 'errors.timeout', `No answer within ${timeoutMs} ms`);
      if (callerSignal?.aborted) throw cause;
      throw new ApiError(
        0,
        'errors.network',
        cause instanceof Error ? cause.message : 'Network error',
      );
    } finally {
      clearTimeout(timer);
      callerSignal?.removeEventListener('abort', forwardAbort);
    }

    const text = await response.text();
    let parsed: unknown = undefined;
    if (text) {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = undefined;
      }
    }
    if (!response.ok) {
      const error = ApiError.fromBody(response.status, parsed);
      if (response.status === 401) options.onUnauthorized?.(error);
      throw error;
    }
    if (text && parsed === undefined) {
      throw new ApiError(
        response.status,
        'errors.unknown',
        'The server answered with something that is not JSON',
      );
    }
    return parsed as T;
  }

  return {
    call: (route, ...[input, requestOptions]) => {
      const { params, query, body } = (input ?? {}) as {
        params?: Record<string, string>;
        query?: unknown;
        body?: unknown;
      };
      const path = routePath(route, { params, query });
      // A POST without a body still sends `{}`: the API's JSON parser expects an object.
      const sent = body !== undefined ? body : route.method === 'POST' ? {} : undefined;
      return request(route.method, path, sent, requestOptions);
    },
    url: (route, ...[input]) => {
      const { params, query } = (input ?? {}) as {
        params?: Record<string, string>;
        query?: unknown;
      };
      return `${baseUrl}${routePath(route, { params, query })}`;
    },
  };
}
