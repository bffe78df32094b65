import type { z } from 'zod';

/**
 * One REST route of the API: its method, its full path with `:name` parameters, and the schemas
 * of what goes in and what comes back. The API mounts its handlers from these (apps/api's
 * `@Route`), the OpenAPI document is built from the same schemas, and the apps call the API only
 * through them (libs/ui's `ApiClient.call`), so a renamed field fails the type-check on both sides.
 */
/** What every REST path starts with; the app pages and the HTTPS redirect leave it alone. */
export const API_PREFIX = '/api';
/** Where the API serves its OpenAPI document, built from the same schemas as the table. */
export const API_DOCS_PATH = `${API_PREFIX}/docs`;

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

type AnySchema = z.ZodType;

export interface JsonRoute<
  Path extends string = string,
  Body extends AnySchema | undefined = AnySchema | undefined,
  Query extends AnySchema | undefined = AnySchema | undefined,
  Response extends AnySchema | null = AnySchema | null,
> {
  readonly kind: 'json';
  readonly method: HttpMethod;
  readonly path: Path;
  readonly body: Body;
  readonly query: Query;
  /** The answer's schema; null for an answer without a body (204). */
  readonly response: Response;
  /** The success status: by default 204 without a response body, 201 for POST, else 200. */
  readonly status: number;
  readonly summary?: string;
}

/** A route that answers with a file (PDF, CSV, image, a bundle): linked or downloaded, not parsed. */
export interface FileRoute<
  Path extends string = string,
  Query extends AnySchema | undefined = AnySchema | undefined,
> {
  readonly kind: 'file';
  readonly method: 'GET';
  readonly path: Path;
  readonly query: Query;
  readonly contentType: string;
  readonly summary?: string;
}

/**
 * A route that takes an upload (multipart form) and answers JSON. The apps send it with
 * `uploadWithProgress` to show a progress bar, so it has no JSON body schema.
 */
export interface UploadRoute<Path extends string = string, Response extends AnySchema = AnySchema> {
  readonly kind: 'upload';
  readonly method: 'POST';
  readonly path: Path;
  readonly query: undefined;
  readonly body: undefined;
  readonly response: Response;
  readonly status: number;
  readonly summary?: string;
}

export type ApiRoute = JsonRoute | FileRoute | UploadRoute;

declare const fullRoute: unique symbol;

/**
 * A route as the web apps hold it: method and path at run time, the whole route (schemas
 * included) as a type only. The apps import these (`routes`, generated into route-addresses.ts)
 * instead of the table itself, so a phone does not download zod and every schema to call the API.
 */
export type RouteAddress<R extends ApiRoute = ApiRoute> = Pick<R, 'method' | 'path'> & {
  readonly [fullRoute]?: R;
};

/** The whole route behind an address (or the route itself). */
export type RouteOf<A> = A extends ApiRoute
  ? A
  : A extends { readonly [fullRoute]?: infer R }
    ? R
    : never;

export type RouteAddresses<Table> = {
  readonly [Area in keyof Table]: {
    readonly [Name in keyof Table[Area]]: Table[Area][Name] extends ApiRoute
      ? RouteAddress<Table[Area][Name]>
      : never;
  };
};

/** `'/api/stages/:stageId/teams/:id'` → `{ stageId: string; id: string }`. */
export type PathParams<Path extends string> = string extends Path
  ? Record<string, string>
  : Path extends `${string}:${infer Name}/${infer Rest}`
    ? { [K in Name | keyof PathParams<`/${Rest}`>]: string }
    : Path extends `${string}:${infer Name}`
      ? { [K in Name]: string }
      : Record<never, never>;

export function jsonRoute<
  const Path extends string,
  Response extends AnySchema | null,
  Body extends AnySchema | undefined = undefined,
  Query extends AnySchema | undefined = undefined,
>(spec: {
  method: HttpMethod;
  path: Path;
  response: Response;
  body?: Body;
  query?: Query;
  status?: number;
  summary?: string;
}): JsonRoute<Path, Body, Query, Response> {
  return {
    kind: 'json',
    method: spec.method,
    path: spec.path,
    body: spec.body as Body,
    query: spec.query as Query,
    response: spec.response,
    status: spec.status ?? (spec.response === null ? 204 : spec.method === 'POST' ? 201 : 200),
    summary: spec.summary,
  };
}

export function fileRoute<
  const Path extends string,
  Query extends AnySchema | undefined = undefined,
>(spec: {
  path: Path;
  contentType: string;
  query?: Query;
  summary?: string;
}): FileRoute<Path, Query> {
  return {
    kind: 'file',
    method: 'GET',
    path: spec.path,
    query: spec.query as Query,
    contentType: spec.contentType,
    summary: spec.summary,
  };
}

export function uploadRoute<const Path extends string, Response extends AnySchema>(spec: {
  path: Path;
  response: Response;
  status?: number;
  summary?: string;
}): UploadRoute<Path, Response> {
  return {
    kind: 'upload',
    method: 'POST',
    path: spec.path,
    query: undefined,
    body: undefined,
    response: spec.response,
    status: spec.status ?? 201,
    summary: spec.summary,
  };
}

/** What the app receives: the response schema's output. */
export type RouteAnswer<R extends ApiRoute> = R extends { response: infer S }
  ? S extends AnySchema
    ? z.output<S>
    : void
  : never;

/** What a handler must hand back: the response schema's input (before any transform). */
export type RouteResult<R extends ApiRoute> = R extends { response: infer S }
  ? S extends AnySchema
    ? z.input<S>
    : void
  : unknown;

export type RouteBody<R extends ApiRoute> = R extends { body: infer S }
  ? S extends AnySchema
    ? z.input<S>
    : never
  : never;
export type RouteQuery<R extends ApiRoute> = R['query'] extends AnySchema
  ? z.input<R['query']>
  : never;

type IfNonEmpty<T, Key extends string> = keyof T extends never
  ? Record<never, never>
  : { [K in Key]: T };

/** The argument of a call: `params` when the path has any, `body` and `query` when the route takes them. */
export type RouteInput<R extends ApiRoute> = IfNonEmpty<PathParams<R['path']>, 'params'> &
  (R extends { body: AnySchema } ? { body: RouteBody<R> } : Record<never, never>) &
  (R['query'] extends AnySchema ? { query?: RouteQuery<R> } : Record<never, never>);

type QueryValue = string | number | boolean | null | undefined | readonly (string | number)[];

/** The route's path with its parameters filled in (URI-encoded) and the query string appended. */
export function routePath(
  route: Pick<ApiRoute, 'path'>,
  input: { params?: Record<string, string>; query?: unknown } = {},
): string {
  const filled = route.path.replace(/:([A-Za-z][A-Za-z0-9]*)/g, (_match, name: string) => {
    const value = input.params?.[name];
    if (value === undefined || value === '')
      throw new Error(`${route.path}: no value for :${name}`);
    return encodeURIComponent(value);
  });
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries((input.query ?? {}) as Record<string, QueryValue>)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) for (const item of value) search.append(key, String(item));
    else search.append(key, String(value));
  }
  const query = search.toString();
  return query ? `${filled}?${query}` : filled;
}
