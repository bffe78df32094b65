import type { Standings, TeamRef } from '../ledger.types';
import { renumberPlaces } from './shared-places';

export interface AgeGroupBand {
  label: string;
  minGrade: number;
  maxGrade: number;
}

/** The default age groups (docs/rules.md#everywhere): grades 1–2, 3–4, 5–6. */
export const DEFAULT_AGE_GROUPS: readonly AgeGroupBand[] = [
  { label: '1–2', minGrade: 1, maxGrade: 2 },
  { label: '3–4', minGrade: 3, maxGrade: 4 },
  { label: '5–6', minGrade: 5, maxGrade: 6 },
];

/** A team's age group is its oldest member's grade's band; null when no band fits. */
export function ageGroupOf(
  memberGrades: readonly number[],
  bands: readonly AgeGroupBand[] = DEFAULT_AGE_GROUPS,
): string | null {
  if (memberGrades.length === 0) return null;
  const oldest = Math.max(...memberGrades);
  return bands.find((b) => oldest >= b.minGrade && oldest <= b.maxGrade)?.label ?? null;
}

/**
 * Splits one category's standings by the teams' age group (TeamRef.ageGroup), keeping the order and
 * re-numbering places within each group (ties stay shared). Rows keep their status.
 */
export function splitStandingsByAgeGroup(
  standings: Standings,
  teams: readonly TeamRef[],
): Map<string | null, Standings> {
  const groupOf = new Map(teams.map((t) => [t.id, t.ageGroup ?? null]));
  const out = new Map<string | null, Standings>();
  for (const row of standings.rows) {
    const group = groupOf.get(row.teamId) ?? null;
    const target = out.get(group) ?? { rows: [] };
    target.rows.push({ ...row });
    out.set(group, target);
  }
  for (const part of out.values()) {
    const ranked = part.rows.filter((r) => r.place !== null);
    const places = renumberPlaces(ranked.map((r) => r.place as number));
    ranked.forEach((row, i) => (row.place = places[i]));
  }
  return out;
}
