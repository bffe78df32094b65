import type { Discipline } from '@olympiad/scoring';

/**
 * Running the day (issue 7): every field of a stage with what waits on it. A field runs the
 * categories its judges are assigned to (console, Judges tab); the order is `mazeAttemptQueue` of
 * libs/scoring. What runs now comes live from the field room (`run:state`), not from here.
 */

export interface FieldQueueCategory {
  id: string;
  name: string;
  /** Attempts the maze rule set allows; null for other disciplines. */
  attempts: number | null;
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
}
