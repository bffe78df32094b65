import { routes } from '@olympiad/contracts';
import type { StandingRow } from '@olympiad/scoring';
import { useQuery, type ApiClient } from '@olympiad/ui';

/** A row the judges have decided: a place, did not finish or disqualified (not "not scored", absent, withdrawn). */
export function hasResult(rows: readonly StandingRow[]): boolean {
  return rows.some(
    (row) => row.status === 'ranked' || row.status === 'dnf' || row.status === 'disqualified',
  );
}

/** `unknown`: a request failed, so the tab opens on the first category without claiming anything. */
export type OpeningCategory =
  | { status: 'searching' }
  | { status: 'found'; id: string }
  | { status: 'none' }
  | { status: 'unknown' };

/**
 * The category the Results tab opens on: the first (in the stage's order) that has a result, so
 * the organiser does not land on an empty table; `none` when no category has one yet. Categories
 * are asked in order and the search stops at the first with a result.
 */
export function useOpeningCategory(
  api: ApiClient,
  categoryIds: readonly string[],
): OpeningCategory {
  const key = categoryIds.join(',');
  const search = useQuery(
    async (signal) => {
      for (const id of key ? key.split(',') : []) {
        const snapshot = await api.call(routes.standings.get, { params: { id } }, { signal });
        if (hasResult(snapshot.standings.rows)) return id;
      }
      return null;
    },
    [api, key],
  );
  if (search.status === 'ready')
    return search.data ? { status: 'found', id: search.data } : { status: 'none' };
  if (search.status === 'error') return { status: 'unknown' };
  return { status: 'searching' };
}
