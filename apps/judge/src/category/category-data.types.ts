import type { CategoryStatus } from '@olympiad/contracts';
import type { Discipline, LedgerRecord, RuleSet, TeamRef, TeamStatus } from '@olympiad/scoring';

/** `GET /api/categories/:id` as the tablet uses it. */
export interface CategoryInfo {
  id: string;
  stageId: string;
  discipline: Discipline;
  name: string;
  ageGroupLabel: string;
  ruleSet: RuleSet;
  status: CategoryStatus;
  published: boolean;
}

/** `GET /api/stages/:id/teams?categoryId=` (the parts the tablet shows). */
export interface TeamInfo {
  id: string;
  name: string;
  schoolId: string;
  status: TeamStatus;
  school?: { name: string; regionCode?: string } | null;
}

/** A stored ledger row of `GET /api/categories/:id/ledger`. */
export interface LedgerRow extends LedgerRecord {
  categoryId: string;
  reason: string | null;
  authorRole: string;
  /** A finish gate's time that counts once a judge confirms it (docs/results-display.md). */
  awaitsConfirmation?: boolean;
  receivedAt: string;
}

export interface CategoryData {
  category: CategoryInfo;
  teams: TeamInfo[];
  ledger: LedgerRow[];
  /** When the server last answered (ISO); older data is shown with a notice while offline. */
  loadedAt: string;
}

export function teamRefs(teams: readonly TeamInfo[]): TeamRef[] {
  return teams.map((team) => ({
    id: team.id,
    name: team.name,
    schoolId: team.schoolId,
    regionCode: team.school?.regionCode ?? null,
    status: team.status,
  }));
}
