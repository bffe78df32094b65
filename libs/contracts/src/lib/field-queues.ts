import type { Discipline } from '@olympiad/scoring';

/**
 * Running the day (README, “Running the day”): every field of a stage with what waits on it. A field runs the
 * categories its judges are assigned to (console, Judges tab); the order is `mazeAttemptQueue` of
 * libs/scoring. What runs now comes live from the field room (`run:state`), not from here.
 */

export interface FieldQueueCategory {
  id: string;
  name: string;
  /** Attempts the maze rule set allows; null for other disciplines. */
  attempts: number | null;
  /**
   * The other fields that run this category too (by name). A maze category run at several tables
   * has its teams split between them (`mazeTableOfTeams`): each table lists only its own.
   */
  sharedWith?: string[];
}

export interface FieldQueueTeam {
  teamId: string;
  name: string;
  school: string;
  categoryId: string;
  attemptsUsed: number;
  attemptsAllowed: number;
  /** The attempt the team runs next; null once it has used every attempt. */
  nextAttempt: number | null;
}

export interface FieldQueueMatch {
  categoryId: string;
  matchId: string;
  a: { teamId: string; name: string };
  b: { teamId: string; name: string };
  /** Already begun on the ring (points recorded), or waiting for the judges' decision. */
  underWay: boolean;
}

/**
 * A maze field's latest finished run as the ledger has it now: the gate's provisional attempt still
 * standing, or replaced by the judge (confirmed with touches, corrected, voided). The run itself
 * comes from the field room; this tells a finished run's card what its result is now.
 */
export interface FieldQueueRunCheck {
  runId: string;
  state: 'provisional' | 'replaced';
  /** The attempt that counts now; null when it was voided. */
  attempt: {
    outcome: 'finished' | 'not-finished' | 'void';
    /** The ranking time (finish time plus time penalties) of a finished attempt, else null. */
    resultMs: number | null;
    touches: number;
    timing: 'sensor' | 'stopwatch' | null;
    /** The time as measured, before penalties (it decides the precision shown). */
    timeMs: number | null;
  } | null;
}

/** One field of GET /api/stages/:id/field-queues. */
export interface FieldQueue {
  fieldId: string;
  name: string;
  discipline: Discipline;
  categories: FieldQueueCategory[];
  /** Maze fields: the teams in running order, those still to run first (empty for other fields). */
  teams: FieldQueueTeam[];
  /** Sumo rings: the next match from the draw; null when none is ready (or not a sumo ring). */
  nextMatch: FieldQueueMatch | null;
  /** Maze fields: the latest run if it finished, checked against the ledger; null otherwise. */
  lastRun?: FieldQueueRunCheck | null;
}
