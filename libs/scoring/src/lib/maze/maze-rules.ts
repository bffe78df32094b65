import { z } from 'zod';
import { entryModeSchema } from '../double-entry/entry-mode';
import { idString, intRange, reportDuplicates } from '../common/zod-helpers';
import {
  DEFAULT_PROTEST_WINDOW_MINUTES,
  protestWindowMinutesSchema,
} from '../protests/protest-window';
import {
  DEFAULT_INSPECTION_REQUIRED,
  DEFAULT_MAZE_ROBOT,
  inspectionRequiredSchema,
  mazeRobotSchema,
} from '../inspection/inspection-rules';

export const MAZE_SCHEMA_VERSION = 1;

export const mazeTouchPenaltySchema = z.discriminatedUnion('mode', [
  /** Each touch adds this many milliseconds to the attempt time. */
  z.object({ mode: z.literal('time'), ms: intRange(0, 600_000) }).strict(),
  /** Each touch takes points off the attempt (checkpoint points); time is not changed. */
  z.object({ mode: z.literal('points'), points: intRange(0, 10_000) }).strict(),
  /** A touch voids the attempt. */
  z.object({ mode: z.literal('void') }).strict(),
]);
export type MazeTouchPenalty = z.infer<typeof mazeTouchPenaltySchema>;

export const mazeCheckpointSchema = z
  .object({ id: idString, points: intRange(0, 10_000) })
  .strict();
export type MazeCheckpoint = z.infer<typeof mazeCheckpointSchema>;

export const mazeTeamResultSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('best') }).strict(),
  z.object({ mode: z.literal('sum-best'), count: intRange(1, 10) }).strict(),
  /** Mean over all the category's attempts: a missing attempt counts as not finished. */
  z.object({ mode: z.literal('mean') }).strict(),
]);
export type MazeTeamResult = z.infer<typeof mazeTeamResultSchema>;

export const MAZE_TIE_BREAKS = ['second-best', 'fewer-touches'] as const;
export type MazeTieBreak = (typeof MAZE_TIE_BREAKS)[number];

/**
 * A team whose attempts reached neither the finish nor a checkpoint: listed as not finished without
 * a place, or given one place shared by all such teams after every team with a result
 * (docs/rules.md#a-team-with-no-finish-and-no-checkpoint-unfinishedteams).
 */
export const MAZE_UNFINISHED_TEAMS = ['unplaced', 'placed-after-finishers'] as const;
export type MazeUnfinishedTeams = (typeof MAZE_UNFINISHED_TEAMS)[number];
export const DEFAULT_MAZE_UNFINISHED_TEAMS: MazeUnfinishedTeams = 'unplaced';

/**
 * The widest error bound a gate-timed run may carry before it is timed by hand
 * (docs/rules.md#timing-tolerance-timingtolerancems): a run between two controllers is timed through
 * their clock offsets (docs/sensor-contract.md#clock-offsets); one controller's time is exact.
 */
export const DEFAULT_MAZE_TIMING_TOLERANCE_MS = 20;

export const mazeParamsSchema = z
  .object({
    attempts: intRange(1, 10),
    timeLimitMs: intRange(1_000, 3_600_000),
    /** Exploration phase before the timed attempts; null when off. Informational for the tablet. */
    explorationMs: intRange(1_000, 3_600_000).nullable(),
    touchPenalty: mazeTouchPenaltySchema,
    /** The robot not moving this long ends the attempt (recorded by the judge as not finished). */
    stallMs: intRange(1_000, 600_000),
    checkpoints: z.array(mazeCheckpointSchema).max(50),
    teamResult: mazeTeamResultSchema,
    tieBreaks: z.array(z.enum(MAZE_TIE_BREAKS)).max(MAZE_TIE_BREAKS.length),
    /** A rule set stored before this parameter existed reads as the behaviour it had: 'unplaced'. */
    unfinishedTeams: z.enum(MAZE_UNFINISHED_TEAMS).default(DEFAULT_MAZE_UNFINISHED_TEAMS),
    /** A rule set stored before this parameter existed reads as the default. */
    timingToleranceMs: intRange(1, 1_000).default(DEFAULT_MAZE_TIMING_TOLERANCE_MS),
    /** Minutes after publication that protests are accepted (docs/rules.md#protests). */
    protestWindowMinutes: protestWindowMinutesSchema,
    /** Robot size checked at inspection (docs/rules.md#technical-inspection). */
    robot: mazeRobotSchema.default(DEFAULT_MAZE_ROBOT),
    inspectionRequired: inspectionRequiredSchema,
  })
  .strict()
  .superRefine((params, ctx) => {
    if (params.teamResult.mode === 'sum-best' && params.teamResult.count > params.attempts) {
      ctx.addIssue({
        code: 'custom',
        path: ['teamResult', 'count'],
        message: `count must be at most the number of attempts (${params.attempts})`,
        params: { key: 'scoring.maze.countAboveAttempts', max: params.attempts },
      });
    }
    reportDuplicates(
      ctx,
      params.checkpoints.map((c) => c.id),
      'checkpoints',
    );
    reportDuplicates(ctx, params.tieBreaks, 'tieBreaks');
  });
export type MazeParams = z.infer<typeof mazeParamsSchema>;

export const mazeRuleSetSchema = z
  .object({
    discipline: z.literal('maze'),
    preset: z.string().min(1).max(60),
    schemaVersion: z.literal(MAZE_SCHEMA_VERSION),
    /** Single (default) or double entry (docs/rules.md#double-entry). */
    entry: entryModeSchema.optional(),
    params: mazeParamsSchema,
  })
  .strict();
export type MazeRuleSet = z.infer<typeof mazeRuleSetSchema>;

export const MAZE_DEFAULT_PARAMS: MazeParams = {
  protestWindowMinutes: DEFAULT_PROTEST_WINDOW_MINUTES,
  attempts: 3,
  timeLimitMs: 180_000,
  explorationMs: null,
  touchPenalty: { mode: 'time', ms: 10_000 },
  stallMs: 10_000,
  checkpoints: [],
  teamResult: { mode: 'best' },
  tieBreaks: ['second-best', 'fewer-touches'],
  unfinishedTeams: DEFAULT_MAZE_UNFINISHED_TEAMS,
  timingToleranceMs: DEFAULT_MAZE_TIMING_TOLERANCE_MS,
  robot: DEFAULT_MAZE_ROBOT,
  inspectionRequired: DEFAULT_INSPECTION_REQUIRED,
};

/** The option of a rule set, also one that was never parsed since it was stored without it. */
export function unfinishedTeamsOf(params: MazeParams): MazeUnfinishedTeams {
  return params.unfinishedTeams ?? DEFAULT_MAZE_UNFINISHED_TEAMS;
}
