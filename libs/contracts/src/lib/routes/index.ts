import { olympiadRoutes } from './olympiads.routes';

export * from './route';
export * from './olympiads.routes';

/**
 * Every REST route of the API, by area. The one place that names an `/api/` path: the API mounts
 * its handlers with `@Route(routes.area.name)` and the apps call `api.call(routes.area.name, …)`.
 */
export const routes = {
  olympiads: olympiadRoutes,
} as const;

export type Routes = typeof routes;
