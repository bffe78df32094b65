import { z } from 'zod';
import type { FieldError } from '../ledger.types';
import { fieldError } from '../common/validated';
import { idString, intAtLeast } from '../common/zod-helpers';
import type { MazeRuleSet } from './maze-rules';

export const MAZE_ATTEMPT = 'maze.attempt';

/** One timed attempt of one team (teamId on the entry). Times are raw: penalties are the rules' job. */
export const mazeAttemptPayloadSchema = z
  .object({
    /** 1-based attempt number, at most the rule set's attempts. */
    attempt: intAtLeast(1),
    outcome: z.enum(['finished', 'not-finished', 'void']),
    /** Finish time in ms for a finished attempt; null otherwise. */
    timeMs: intAtLeast(0).nullable().default(null),
    touches: intAtLeast(0).default(0),
    /** Ids of the checkpoints reached (a finished attempt reached all of them). */
    checkpoints: z.array(idString).max(50).default([]),
    /** Time to the last checkpoint reached, for a not-finished attempt that reached one. */
    lastCheckpointMs: intAtLeast(0).nullable().default(null),
    /** Why a not-finished attempt ended; informational. */
    endedBy: z
      .enum(['stall', 'time-limit', 'left-course', 'judge', 'no-start'])
      .nullable()
      .default(null),
    /** Where the time came from: the field's finish gate or the judge's stopwatch (null: not said). */
    timing: z.enum(['sensor', 'stopwatch']).nullable().default(null),
  })
  .strict();
export type MazeAttemptPayload = z.infer<typeof mazeAttemptPayloadSchema>;

export function checkMazeAttempt(ruleSet: MazeRuleSet, payload: MazeAttemptPayload): FieldError[] {
  const { params } = ruleSet;
  const errors: FieldError[] = [];
  if (payload.attempt > params.attempts) {
    errors.push(
      fieldError(
        'attempt',
        'scoring.maze.attemptOutOfRange',
        `attempt must be 1–${params.attempts}`,
        {
          max: params.attempts,
        },
      ),
    );
  }
  if (payload.outcome === 'finished') {
    if (payload.timeMs === null) {
      errors.push(
        fieldError(
          'timeMs',
          'scoring.maze.finishTimeRequired',
          'a finished attempt needs its time',
        ),
      );
    } else if (payload.timeMs > params.timeLimitMs) {
      errors.push(
        fieldError(
          'timeMs',
          'scoring.maze.overTimeLimit',
          `the time is over the limit of ${params.timeLimitMs} ms; record the attempt as not finished`,
          { max: params.timeLimitMs },
        ),
      );
    }
  } else if (payload.timeMs !== null) {
    errors.push(
      fieldError(
        'timeMs',
        'scoring.maze.timeOnlyWhenFinished',
        'only a finished attempt has a finish time',
      ),
    );
  }
  const known = new Set(params.checkpoints.map((c) => c.id));
  payload.checkpoints.forEach((id, index) => {
    if (!known.has(id)) {
      errors.push(
        fieldError(
          `checkpoints.${index}`,
          'scoring.maze.unknownCheckpoint',
          `no checkpoint "${id}" in the rules`,
          {
            value: id,
          },
        ),
      );
    }
  });
  if (new Set(payload.checkpoints).size !== payload.checkpoints.length) {
    errors.push(
      fieldError('checkpoints', 'scoring.validation.duplicate', 'a checkpoint is listed twice'),
    );
  }
  if (payload.outcome === 'not-finished' && payload.checkpoints.length > 0) {
    if (payload.lastCheckpointMs === null) {
      errors.push(
        fieldError(
          'lastCheckpointMs',
          'scoring.maze.checkpointTimeRequired',
          'give the time to the last checkpoint',
        ),
      );
    } else if (payload.lastCheckpointMs > params.timeLimitMs) {
      errors.push(
        fieldError(
          'lastCheckpointMs',
          'scoring.maze.overTimeLimit',
          `the time is over the limit of ${params.timeLimitMs} ms`,
          {
            max: params.timeLimitMs,
          },
        ),
      );
    }
  } else if (payload.lastCheckpointMs !== null) {
    errors.push(
      fieldError(
        'lastCheckpointMs',
        'scoring.maze.checkpointTimeOnlyWhenPartial',
        'a checkpoint time belongs to a not-finished attempt that reached a checkpoint',
      ),
    );
  }
  return errors;
}
