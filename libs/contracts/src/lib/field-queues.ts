import { z } from 'zod';
import { disciplineSchema } from './domain';

/**
 * Running the day (README, “Running the day”): every field of a stage with what waits on it. A field runs the
 * categories its judges are assigned to (console, Judges tab); the order is `mazeAttemptQueue` of
 * libs/scoring. What runs now comes live from the field room (`run:state`), not from here.
 */

export const fieldQueueCategorySchema = z.object({
  id: z.string(),
  name: z.string(),
  /** Attempts the maze rule set allows; null for other disciplines. */
  attempts: z.number().int().nullable(),
  /**
   * The other fields that run this category too (by name). A maze category run at several tables
   * has its teams split between them (`mazeTableOfTeams`): each table lists only its own.
   */
  sharedWith: z.array(z.string()).optional(),
});
export type FieldQueueCategory = z.infer<typeof fieldQueueCategorySchema>;

export const fieldQueueTeamSchema = z.object({
  teamId: z.string(),
  name: z.string(),
  school: z.string(),
  categoryId: z.string(),
  attemptsUsed: z.number().int(),
  attemptsAllowed: z.number().int(),
  /** The attempt the team runs next; null once it has used every attempt. */
  nextAttempt: z.number().int().nullable(),
  /**
   * About how long until the team's turn, in ms from when the list was made (docs/rules.md#schedules):
   * from the table's recent pace; null when there is no pace yet or the team has run every attempt.
   */
  waitMs: z.number().nullable().optional(),
});
export type FieldQueueTeam = z.infer<typeof fieldQueueTeamSchema>;

const matchSideSchema = z.object({ teamId: z.string(), name: z.string() });

export const fieldQueueMatchSchema = z.object({
  categoryId: z.string(),
  matchId: z.string(),
  a: matchSideSchema,
  b: matchSideSchema,
  /** Already begun on the ring (points recorded), or waiting for the judges' decision. */
  underWay: z.boolean(),
});
export type FieldQueueMatch = z.infer<typeof fieldQueueMatchSchema>;

/** A sumo match still to play on a ring, in running order, with its estimated start. */
export const fieldQueueUpcomingMatchSchema = fieldQueueMatchSchema.extend({
  /** About how long until it starts, in ms from when the list was made; null without a pace yet. */
  waitMs: z.number().nullable(),
});
export type FieldQueueUpcomingMatch = z.infer<typeof fieldQueueUpcomingMatchSchema>;

/** What a sumo ring is given when it asks for its next match (docs/rules.md#schedules). */
export const ringNextMatchSchema = z.object({
  /** The match called to this ring; null when none is free for it. */
  match: fieldQueueMatchSchema.nullable(),
  /** When no match is free only because a team is resting: when the first one may play (ISO time). */
  restingUntil: z.string().nullable(),
});
export type RingNextMatch = z.infer<typeof ringNextMatchSchema>;

/**
 * A maze field's latest finished run as the ledger has it now: the gate's provisional attempt still
 * standing, or replaced by the judge (confirmed with touches, corrected, voided). The run itself
 * comes from the field room; this tells a finished run's card what its result is now.
 */
export const fieldQueueRunCheckSchema = z.object({
  runId: z.string(),
  state: z.enum(['provisional', 'replaced']),
  /** The attempt that counts now; null when it was voided. */
  attempt: z
    .object({
      outcome: z.enum(['finished', 'not-finished', 'void']),
      /** The ranking time (finish time plus time penalties) of a finished attempt, else null. */
      resultMs: z.number().nullable(),
      touches: z.number(),
      timing: z.enum(['sensor', 'stopwatch']).nullable(),
      /** The time as measured, before penalties (it decides the precision shown). */
      timeMs: z.number().nullable(),
    })
    .nullable(),
});
export type FieldQueueRunCheck = z.infer<typeof fieldQueueRunCheckSchema>;

/** One field of GET /api/stages/:id/field-queues. */
export const fieldQueueSchema = z.object({
  fieldId: z.string(),
  name: z.string(),
  discipline: disciplineSchema,
  categories: z.array(fieldQueueCategorySchema),
  /** Maze fields: the teams in running order, those still to run first (empty for other fields). */
  teams: z.array(fieldQueueTeamSchema),
  /**
   * Sumo rings: the match the ring holds, or the one it would be given now (never one another ring
   * holds, nor one whose team is on another ring or resting); null when none is free.
   */
  nextMatch: fieldQueueMatchSchema.nullable(),
  /** Sumo rings: when nothing is free only because of a rest, when the first team may play (ISO). */
  restingUntil: z.string().nullable().optional(),
  /** Sumo rings: the matches of its categories still to play, in running order, with estimates. */
  upcoming: z.array(fieldQueueUpcomingMatchSchema).optional(),
  /** Maze fields: the latest run if it finished, checked against the ledger; null otherwise. */
  lastRun: fieldQueueRunCheckSchema.nullable().optional(),
});
export type FieldQueue = z.infer<typeof fieldQueueSchema>;

/**
 * A followed team's turn for the public phone page (docs/rules.md#schedules): only whether it still
 * runs and about when, never a result, so it may be read before the category's results are published.
 */
export const publicTurnSchema = z.object({
  /** `waiting`: a turn is ahead; `done`: every attempt used; `unknown`: not on a field's order now. */
  state: z.enum(['waiting', 'done', 'unknown']),
  /** About how long until the turn, in ms from the answer; null without a pace yet. */
  waitMs: z.number().nullable(),
});
export type PublicTurn = z.infer<typeof publicTurnSchema>;
