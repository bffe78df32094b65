import { z } from 'zod';
import { fieldError } from '../common/validated';
import { idString, intAtLeast } from '../common/zod-helpers';
import type { FieldError } from '../ledger.types';
import type { ProgrammingRuleSet } from './programming-rules';

export const PROGRAMMING_TASK = 'programming.task';

/** One submission (or one judged task) of a team: the points it earned on one task. */
export const programmingTaskPayloadSchema = z
  .object({
    task: idString,
    points: intAtLeast(0),
    /** Test groups passed, when the task has groups. */
    groups: z.array(idString).max(100).nullable().default(null),
    /** Contest time of the submission in ms from the start; required when the rules use contest time. */
    timeMs: intAtLeast(0).nullable().default(null),
  })
  .strict();
export type ProgrammingTaskPayload = z.infer<typeof programmingTaskPayloadSchema>;

export function checkProgrammingTask(
  ruleSet: ProgrammingRuleSet,
  payload: ProgrammingTaskPayload,
): FieldError[] {
  const { params } = ruleSet;
  if (params.rubric !== null) {
    return [
      fieldError(
        '',
        'scoring.programming.judgedByRubric',
        'this category is judged with a rubric: send programming.rubric entries',
      ),
    ];
  }
  const task = params.tasks.find((t) => t.id === payload.task);
  if (!task) {
    return [
      fieldError(
        'task',
        'scoring.programming.unknownTask',
        `no task "${payload.task}"; tasks are ${params.tasks.map((t) => t.id).join(', ')}`,
        {
          value: payload.task,
        },
      ),
    ];
  }
  const errors: FieldError[] = [];
  if (payload.points > task.maxPoints) {
    errors.push(
      fieldError(
        'points',
        'scoring.programming.pointsAboveMax',
        `points must be 0–${task.maxPoints} for task ${task.id}`,
        {
          max: task.maxPoints,
        },
      ),
    );
  }
  if (
    params.credit === 'all-or-nothing' &&
    payload.points !== 0 &&
    payload.points !== task.maxPoints
  ) {
    errors.push(
      fieldError(
        'points',
        'scoring.programming.allOrNothing',
        `task ${task.id} gives 0 or ${task.maxPoints} points`,
        {
          max: task.maxPoints,
        },
      ),
    );
  }
  if (payload.groups !== null) {
    const known = new Map(task.groups.map((g) => [g.id, g.points]));
    let sum = 0;
    payload.groups.forEach((id, index) => {
      const points = known.get(id);
      if (points === undefined) {
        errors.push(
          fieldError(
            `groups.${index}`,
            'scoring.programming.unknownGroup',
            `task ${task.id} has no group "${id}"`,
            { value: id },
          ),
        );
      } else sum += points;
    });
    if (new Set(payload.groups).size !== payload.groups.length) {
      errors.push(fieldError('groups', 'scoring.validation.duplicate', 'a group is listed twice'));
    } else if (errors.length === 0 && sum !== payload.points) {
      errors.push(
        fieldError(
          'points',
          'scoring.programming.pointsNotGroupSum',
          `the groups passed give ${sum} points, not ${payload.points}`,
          {
            sum,
          },
        ),
      );
    }
  } else if (params.credit === 'per-group') {
    errors.push(
      fieldError('groups', 'scoring.programming.groupsRequired', 'list the test groups passed'),
    );
  }
  if (params.submissionTime === 'contest-time' && payload.timeMs === null) {
    errors.push(
      fieldError(
        'timeMs',
        'scoring.programming.timeRequired',
        'give the contest time of the submission',
      ),
    );
  }
  return errors;
}
