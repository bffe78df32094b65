import * as fs from 'node:fs';
import * as path from 'node:path';
import { routeTable } from './index';
import { renderRouteAddresses } from './render-route-addresses';

const FILE = path.join(__dirname, 'route-addresses.ts');

describe('route-addresses.ts', () => {
  const expected = renderRouteAddresses(routeTable);
  if (process.env.WRITE_ROUTE_ADDRESSES === '1') fs.writeFileSync(FILE, expected);

  it('holds every route of the table and nothing else (npm run routes:addresses rewrites it)', () => {
    expect(fs.readFileSync(FILE, 'utf8')).toBe(expected);
  });
});
