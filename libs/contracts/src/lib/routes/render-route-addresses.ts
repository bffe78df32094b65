import type { ApiRoute } from './route';

/**
 * The text of route-addresses.ts for a route table: each route's method and path as literals, typed as addresses of the table's routes, so the compiler
 * refuses the file the moment it no longer matches the table. `npm run routes:addresses` writes
 * it; route-addresses.spec.ts fails while it is stale.
 */
export function renderRouteAddresses(table: Record<string, Record<string, ApiRoute>>): string {
  // One constant per area, exported under the area's name: the package exports this module as the
  // namespace `routes`, so a bundle keeps only the areas its app calls (`routes.public.stage`).
  const constName = (area: string) => `${area}Area`;
  const areas = Object.entries(table).map(([area, areaRoutes]) => {
    const entries = Object.entries(areaRoutes).map(([name, route]) => {
      return `  ${name}: { method: '${route.method}', path: '${route.path}' },`;
    });
    return [`const ${constName(area)}: Addresses['${area}'] = {`, ...entries, '};', ''].join('\n');
  });
  const exported = Object.keys(table).map((area) => `  ${constName(area)} as ${area},`);
  return [
    '// Written by `npm run routes:addresses` from the route table (./index.ts): do not edit by hand.',
    '// Every route as the web apps call it, `api.call(routes.area.name, …)`: method and path at run',
    '// time, the whole route (schemas included) as a type only.',
    "import type { RouteTable } from './index';",
    "import type { RouteAddresses } from './route';",
    '',
    'type Addresses = RouteAddresses<RouteTable>;',
    '',
    ...areas,
    'export {',
    ...exported,
    '};',
    '',
  ].join('\n');
}
