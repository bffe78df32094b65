import {
  applyDecorators,
  Delete,
  Get,
  HttpCode,
  Patch,
  Post,
  Put,
  SetMetadata,
} from '@nestjs/common';
import { ApiDefaultResponse, ApiOperation, ApiProduces, ApiResponse } from '@nestjs/swagger';
import {
  API_PREFIX,
  apiErrorBodySchema,
  type ApiRoute,
  type HttpMethod,
  type RouteAddress,
  routeTable,
  type RouteOf,
  type RouteResult,
} from '@olympiad/contracts';
import { createZodDto } from 'nestjs-zod';
import type { z } from 'zod';

export const ROUTE_METADATA = 'olympiad:route';

const METHODS: Record<HttpMethod, (path: string) => MethodDecorator> = {
  GET: Get,
  POST: Post,
  PUT: Put,
  PATCH: Patch,
  DELETE: Delete,
};

/** Paths in the route table are whole (`/api/…`); Nest adds the global `api` prefix itself. */
export function nestPath(route: ApiRoute): string {
  return route.path.slice(API_PREFIX.length + 1);
}

/** `GET /api/stages/:id` → `GetStagesIdAnswer`: OpenAPI names each answer after its class. */
function answerName(route: ApiRoute): string {
  const words = `${route.method.toLowerCase()} ${nestPath(route)}`
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  return `${words.map((word) => word[0].toUpperCase() + word.slice(1)).join('')}Answer`;
}

const dtoCache = new WeakMap<z.ZodType, ReturnType<typeof createZodDto>>();
function responseDto(route: ApiRoute, schema: z.ZodType) {
  let dto = dtoCache.get(schema);
  if (!dto) {
    dto = createZodDto(schema);
    // One class name per answer: swagger warns at every start about classes that share a name.
    Object.defineProperty(dto, 'name', { value: answerName(route) });
    dtoCache.set(schema, dto);
  }
  return dto.Output;
}

const byAddress = new Map<string, ApiRoute>(
  Object.values(routeTable).flatMap((area) =>
    Object.values(area as Record<string, ApiRoute>).map(
      (route) => [`${route.method} ${route.path}`, route] as const,
    ),
  ),
);

/** The table's whole route (schemas included) behind an address the apps also use. */
export function routeOf<A extends RouteAddress>(address: A): RouteOf<A> & ApiRoute {
  const route = byAddress.get(`${address.method} ${address.path}`);
  if (!route)
    throw new Error(`${address.method} ${address.path} is not in libs/contracts' route table`);
  return route as RouteOf<A> & ApiRoute;
}

/** Every refusal's body in the OpenAPI document (libs/contracts' apiErrorBodySchema). */
class ApiErrorAnswer extends createZodDto(apiErrorBodySchema) {}

type Handler<R extends ApiRoute> = (...args: never[]) => RouteResult<R> | Promise<RouteResult<R>>;

/**
 * Mounts a handler on a route of libs/contracts' table: the method, the path, the success status,
 * the OpenAPI answer from the route's response schema, and a compile-time check that the handler
 * returns what the schema says. The controller itself is `@Controller()`, without a prefix.
 * (A handler that writes the response itself, e.g. a file, is typed `unknown`.)
 */
export function Route<A extends RouteAddress>(address: A) {
  type R = RouteOf<A> & ApiRoute;
  const route: ApiRoute = routeOf(address);
  const decorators: MethodDecorator[] = [
    METHODS[route.method](nestPath(route)),
    SetMetadata(ROUTE_METADATA, route),
  ];
  if (route.summary) decorators.push(ApiOperation({ summary: route.summary }));
  decorators.push(
    ApiDefaultResponse({
      description: 'A refusal, with its kk/ru/en message key',
      type: ApiErrorAnswer,
    }),
  );
  if (route.kind === 'file') {
    decorators.push(ApiProduces(route.contentType));
  } else {
    decorators.push(HttpCode(route.status));
    decorators.push(
      route.response
        ? ApiResponse({ status: route.status, type: responseDto(route, route.response) })
        : ApiResponse({ status: route.status, description: 'No content' }),
    );
  }
  const apply = applyDecorators(...decorators);
  return <T extends Handler<R>>(
    target: object,
    key: string | symbol,
    descriptor: TypedPropertyDescriptor<T>,
  ): void => {
    apply(target, key, descriptor);
  };
}
