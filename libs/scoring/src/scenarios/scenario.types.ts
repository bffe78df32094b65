import type { StandingStatus, TeamStatus } from '../lib/ledger.types';

/** A rule-book scenario: teams, ledger entries in order, and the outcome worked out by hand. */
export interface ScenarioFixture {
  title: string;
  /** How the expected outcome follows from the rules, step by step. */
  explanation: string;
  preset: string;
  overrides?: Record<string, unknown>;
  teams: {
    id: string;
    name: string;
    schoolId?: string | null;
    regionCode?: string | null;
    status?: TeamStatus;
    ageGroup?: string | null;
  }[];
  entries: ScenarioEntry[];
  expected: {
    /** Every row, in order. Fields left out are not checked. */
    rows: ExpectedRow[];
    /** Warning keys expected for entry ids (others must not occur). */
    warnings?: { entryId: string; key: string }[];
    /** Sumo: outcome of named matches. */
    matches?: Record<
      string,
      { winner?: string | null; state?: string; how?: string; a?: string | null; b?: string | null }
    >;
  };
}

export interface ScenarioEntry {
  /** Defaults to "e<position>" (1-based). */
  id?: string;
  kind: string;
  team?: string | null;
  payload: Record<string, unknown>;
  supersedes?: string | null;
  /** The entry must be refused by validateEntry with this error key; it is then not stored. */
  rejectedWith?: string;
}

export interface ExpectedRow {
  team: string;
  place: number | null;
  status: StandingStatus;
  primary?: number | null;
  display?: string;
  provisional?: boolean;
  detail?: Record<string, unknown>;
}
