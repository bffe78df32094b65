import {
  computeStandings,
  type LedgerRecord,
  type StandingRow,
  type Standings,
} from '@olympiad/scoring';
import { useMemo } from 'react';
import { teamRefs } from './team-refs';
import type { CategoryData } from './use-category-data';

/**
 * The standings exactly as the server will compute them once the waiting entries arrive: the
 * rules' own `computeStandings` over the server's ledger plus the outbox.
 */
export function useStandingsPreview(
  data: CategoryData | null,
  records: readonly LedgerRecord[],
): {
  rows: Map<string, StandingRow>;
  ordered: StandingRow[];
  /** Entries the rules could not use (kept in the ledger, for the head judge to look at). */
  warnings: NonNullable<Standings['warnings']>;
} {
  return useMemo(() => {
    if (!data) return { rows: new Map(), ordered: [], warnings: [] };
    const standings = computeStandings(data.category.ruleSet, teamRefs(data.teams), records);
    return {
      rows: new Map(standings.rows.map((row) => [row.teamId, row])),
      ordered: standings.rows,
      warnings: standings.warnings ?? [],
    };
  }, [data, records]);
}
