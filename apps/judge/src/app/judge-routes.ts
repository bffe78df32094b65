import { matchPath } from '@olympiad/ui';

/** Where the venue server serves the app. */
export const BASE = '/judge';

export type JudgeRoute =
  | { name: 'home' }
  | { name: 'category'; categoryId: string }
  | { name: 'review'; categoryId: string }
  | { name: 'protests'; categoryId: string }
  | { name: 'double-entry'; categoryId: string }
  | { name: 'inspection'; categoryId: string }
  | { name: 'outbox' }
  | { name: 'sheet'; code: string | null }
  | { name: 'not-found' };

/** Where a judge stands within a category: kept in the URL, so a reload returns there. */
export interface JudgePlace {
  field?: string | null;
  team?: string | null;
}

function placeQuery(place: JudgePlace): string {
  const query = new URLSearchParams();
  if (place.field) query.set('field', place.field);
  if (place.team) query.set('team', place.team);
  const text = query.toString();
  return text ? `?${text}` : '';
}

export const paths = {
  home: () => `${BASE}/`,
  category: (categoryId: string, place: JudgePlace = {}) =>
    `${BASE}/c/${categoryId}${placeQuery(place)}`,
  review: (categoryId: string) => `${BASE}/c/${categoryId}/review`,
  protests: (categoryId: string) => `${BASE}/c/${categoryId}/protests`,
  doubleEntry: (categoryId: string) => `${BASE}/c/${categoryId}/double-entry`,
  inspection: (categoryId: string) => `${BASE}/c/${categoryId}/inspection`,
  outbox: () => `${BASE}/outbox`,
  sheet: (code?: string) => (code ? `${BASE}/sheet/${code}` : `${BASE}/sheet`),
};

export function routeOf(pathname: string): JudgeRoute {
  if (pathname === BASE || pathname === `${BASE}/` || pathname === '/') return { name: 'home' };
  const review = matchPath(`${BASE}/c/:categoryId/review`, pathname);
  if (review) return { name: 'review', categoryId: review['categoryId'] };
  const protests = matchPath(`${BASE}/c/:categoryId/protests`, pathname);
  if (protests) return { name: 'protests', categoryId: protests['categoryId'] };
  const double = matchPath(`${BASE}/c/:categoryId/double-entry`, pathname);
  if (double) return { name: 'double-entry', categoryId: double['categoryId'] };
  const inspection = matchPath(`${BASE}/c/:categoryId/inspection`, pathname);
  if (inspection) return { name: 'inspection', categoryId: inspection['categoryId'] };
  const category = matchPath(`${BASE}/c/:categoryId`, pathname);
  if (category) return { name: 'category', categoryId: category['categoryId'] };
  if (matchPath(`${BASE}/outbox`, pathname)) return { name: 'outbox' };
  if (matchPath(`${BASE}/sheet`, pathname)) return { name: 'sheet', code: null };
  const sheet = matchPath(`${BASE}/sheet/:code`, pathname);
  if (sheet) return { name: 'sheet', code: sheet['code'] };
  return { name: 'not-found' };
}
