import type { z } from 'zod';
import type { TimePrecision } from '../common/format-time';
import type { FieldError, LedgerRecord, StandingStatus, TeamRef } from '../ledger.types';
import type { RankKey } from '../ranking/rank-key';

/** The newest entry of a correction chain, with the position of the chain's first entry. */
export interface EffectiveEntry {
  record: LedgerRecord;
  /** Id and seq of the chain's original entry: a correction keeps the original's place in time. */
  rootId: string;
  rootSeq: number;
}

/** Something in the ledger the rules could not use; shown to the head judge, never fatal. */
export interface EntryWarning {
  entryId: string;
  key: string;
  message: string;
}

export interface EntryKindSpec<R> {
  schema: z.ZodType;
  /** Whether the entry must name a team, must not, or may. */
  team: 'required' | 'none' | 'any';
  /** Range checks that need the rule set (attempt ≤ attempts, points ≤ task max …). */
  check?: (ruleSet: R, payload: never) => FieldError[];
}

/** A team's result as its discipline computes it from the team's own entries. */
export interface TeamScore {
  status: Extract<StandingStatus, 'ranked' | 'dnf' | 'not-scored'>;
  /** Lower is better; compared only between ranked teams. */
  key: RankKey;
  primary: number | null;
  display: string;
  /** Set when the result is a time: the precision its timing source has (docs/results-display.md). */
  timePrecision?: TimePrecision;
  detail: Record<string, unknown>;
  warnings: EntryWarning[];
}

/** A row before statuses from the team list are applied and places are closed up. */
export interface RowDraft {
  teamId: string;
  status: Extract<StandingStatus, 'ranked' | 'dnf' | 'not-scored'>;
  /** Place among the ranked drafts (shared places equal); null when not ranked. */
  place: number | null;
  primary: number | null;
  display: string;
  detail: Record<string, unknown>;
  provisional?: boolean;
}

/**
 * A category-scoped result: either finished drafts with places (sumo), or a score per team that the
 * standings rank like team-scoped scores (normalised marks).
 */
export type CategoryScore =
  | { rows: RowDraft[]; warnings: EntryWarning[] }
  | { scores: ReadonlyMap<string, TeamScore>; warnings: EntryWarning[] };

/**
 * One discipline's rules as the standings use them. A team-scoped rule set scores each team from
 * its own entries (cached per team by the incremental standings); a category-scoped one (sumo
 * brackets, per-judge normalisation) needs the whole category and is recomputed on each entry.
 */
export interface DisciplineEngine<R> {
  kinds: Readonly<Record<string, EntryKindSpec<R>>>;
  scopeOf(ruleSet: R): 'team' | 'category';
  scoreTeam(ruleSet: R, entries: readonly EffectiveEntry[]): TeamScore;
  scoreCategory(
    ruleSet: R,
    teams: readonly TeamRef[],
    entries: readonly EffectiveEntry[],
  ): CategoryScore;
  /** Whether a `ranking.decision` entry may order teams still tied after every other tie-break. */
  usesDecisions(ruleSet: R): boolean;
}

/** scoreCategory of a discipline that is always team-scoped. */
export function neverCategoryScoped(): CategoryScore {
  throw new Error('this discipline scores teams one by one');
}
