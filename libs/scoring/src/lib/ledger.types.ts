import type { TimePrecision } from './common/format-time';

/**
 * The shapes at the seam between the score ledger (stored by the API) and the rules.
 * The API hands the rules what it stored; the rules never see a database row.
 */

export type Discipline = 'maze' | 'sumo' | 'programming' | 'creative';

export const DISCIPLINES: readonly Discipline[] = ['maze', 'sumo', 'programming', 'creative'];

/** One accepted ledger entry of a category, as the API stored it (append-only, ordered by seq). */
export interface LedgerRecord {
  /** Client-generated UUID; the idempotency key. */
  id: string;
  /** Server order of acceptance, strictly increasing. */
  seq: number;
  /** e.g. 'maze.attempt', 'sumo.match', 'programming.task', 'creative.marks', 'void'. */
  kind: string;
  /** The team the entry is about; null for entries about no single team (e.g. a sumo match names both). */
  teamId: string | null;
  payload: unknown;
  /** The id of an earlier entry this one replaces (a correction), or null. */
  supersedes: string | null;
  authorId: string;
  /** ISO time the entry was made on the tablet or device. */
  recordedAt: string;
  /**
   * Recorded by a field sensor and not yet confirmed by a judge (docs/results-display.md): it
   * counts once a judge's entry supersedes it; until then the standings show it only as the row's
   * `unconfirmed` result, never in its place.
   */
  unconfirmed?: boolean;
}

export type TeamStatus = 'active' | 'absent' | 'withdrawn' | 'disqualified';

export interface TeamRef {
  id: string;
  name: string;
  schoolId?: string | null;
  regionCode?: string | null;
  status: TeamStatus;
  /** Age group label (e.g. "3–4") when one category ranks several age groups together. */
  ageGroup?: string | null;
}

export type StandingStatus =
  'ranked' | 'not-scored' | 'dnf' | 'disqualified' | 'absent' | 'withdrawn';

export interface StandingRow {
  teamId: string;
  /** Shared places are equal numbers (1, 2, 2, 4); null for rows that are not ranked. */
  place: number | null;
  status: StandingStatus;
  /** The main figure the ranking used, in integer units of the discipline (ms, points ×100 …), or null. */
  primary: number | null;
  /**
   * A short human summary of the result, language-neutral (e.g. "1:02.35", "250"), its time in the
   * row's own precision. Apps show `rowResultText(row, tablePrecisionOf(rows))` instead, so a table
   * writes every time alike (docs/results-display.md).
   */
  display: string;
  /** The precision of the time in `display` (whose value is `primary`), when the result is a time. */
  timePrecision?: TimePrecision;
  /** Discipline-specific detail (attempts, rounds, per-task points, per-criterion marks). */
  detail: Record<string, unknown>;
  /** The place can still change (a sumo team still in the tournament). */
  provisional?: boolean;
  /**
   * The result the team would have if the judge confirmed its sensor-timed entries as they are;
   * present while one of them awaits the judge and would change the row. Place, status and result
   * above count confirmed entries only.
   */
  unconfirmed?: UnconfirmedResult;
  /**
   * Double entry (docs/rules.md#double-entry): one of the team's attempts or matches waits for its
   * second judge's entry or is in the head judge's review; the row counts it only once settled.
   */
  review?: 'awaiting-second' | 'in-review';
}

/** A result waiting for a judge's confirmation, shown as such and never ranked. */
export interface UnconfirmedResult {
  primary: number | null;
  display: string;
  timePrecision?: TimePrecision;
}

export interface Standings {
  rows: StandingRow[];
  /** Ledger entries the rules could not use (unknown target, wrong shape …), for the head judge. */
  warnings?: { entryId: string; key: string; message: string }[];
}

export interface FieldError {
  /** Dotted path of the offending field ('' for the whole value). */
  path: string;
  /** i18n message key, e.g. 'scoring.maze.attemptOutOfRange'. */
  key: string;
  /** English message. */
  message: string;
  params?: Record<string, string | number>;
}

export type Validated<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };
