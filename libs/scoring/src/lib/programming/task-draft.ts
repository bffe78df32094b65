import { fail, fieldError, ok } from '../common/validated';
import type { FieldError, Validated } from '../ledger.types';
import { formatContestTime, parseContestTime } from './contest-time';
import type { ProgrammingTaskPayload } from './programming-entries';
import type { ProgrammingParams, ProgrammingTask } from './programming-rules';
import type { IcpcTaskState } from './programming-score';

/** What a judge (or a checker's file) says about one task of one team. */
export interface TaskDraft {
  /** Points given (IOI, last submission); ignored when `groups` says which groups passed. */
  points: number | null;
  /** The test groups passed, for a task with groups; null otherwise. */
  groups: string[] | null;
  /** ICPC: solved (accepted) or not; null when nothing is said about the task. */
  solved: boolean | null;
  /** Contest time as written (m:ss or h:mm:ss): when it was solved, or of the last try. */
  time: string;
  /** ICPC: wrong tries before the accepted one (or so far), counting those recorded already. */
  wrongTries: number | null;
}

/** Whether the rules make the judge give wrong tries (they cost time only with a penalty). */
export function countsWrongTries(params: ProgrammingParams): boolean {
  return params.submissions === 'icpc' && params.penaltyMsPerWrongTry > 0;
}

/** Whether the rules need the contest time of each submission. */
export function needsContestTime(params: ProgrammingParams): boolean {
  return params.submissionTime === 'contest-time';
}

function groupPoints(task: ProgrammingTask, groups: readonly string[]): number {
  return task.groups.reduce((sum, g) => sum + (groups.includes(g.id) ? g.points : 0), 0);
}

/**
 * The programming.task payloads a draft makes, exactly as the ICPC engine reads them
 * (docs/rules.md, Programming): each wrong try is a submission below full points, the accepted
 * one gives full points, all at the contest time given, wrong tries first. Wrong tries already in
 * the ledger (`recorded`) are not sent again. Paths of problems start with `path`.
 */
export function taskDraftPayloads(
  params: ProgrammingParams,
  task: ProgrammingTask,
  draft: TaskDraft,
  recorded: IcpcTaskState | undefined,
  path = `tasks.${task.id}`,
): Validated<ProgrammingTaskPayload[]> {
  const errors: FieldError[] = [];
  const timeMs = draft.time.trim() === '' ? null : parseContestTime(draft.time);
  if (draft.time.trim() !== '' && timeMs === null) {
    errors.push(
      fieldError(
        `${path}.time`,
        'scoring.programming.contestTimeInvalid',
        'write the contest time as m:ss or h:mm:ss',
      ),
    );
  } else if (timeMs === null && needsContestTime(params) && draft.solved !== null) {
    errors.push(
      fieldError(`${path}.time`, 'scoring.programming.timeRequired', 'give the contest time'),
    );
  }
  const withGroups = task.groups.length > 0 && draft.groups !== null;

  if (params.submissions !== 'icpc') {
    const points = withGroups ? groupPoints(task, draft.groups ?? []) : draft.points;
    if (points === null) return errors.length > 0 ? fail(errors) : ok([]);
    if (errors.length > 0) return fail(errors);
    return ok([
      {
        task: task.id,
        points,
        groups: withGroups ? [...(draft.groups ?? [])] : null,
        timeMs: needsContestTime(params) ? timeMs : null,
      },
    ]);
  }

  if (draft.solved === null) return errors.length > 0 ? fail(errors) : ok([]);
  if (recorded?.solved) {
    errors.push(
      fieldError(
        `${path}.solved`,
        'scoring.programming.alreadySolved',
        `task ${task.id} is solved already (at ${formatContestTime(recorded.acceptedAt ?? 0)})`,
        { time: formatContestTime(recorded.acceptedAt ?? 0) },
      ),
    );
  }
  const before = recorded?.wrongTries ?? 0;
  const counted = countsWrongTries(params);
  const tries = draft.wrongTries ?? before;
  if (counted && tries < before) {
    errors.push(
      fieldError(
        `${path}.wrongTries`,
        'scoring.programming.triesBelowRecorded',
        `${before} wrong tries are recorded already`,
        { count: before },
      ),
    );
  }
  if (recorded && timeMs !== null && recorded.lastTryAt > timeMs) {
    errors.push(
      fieldError(
        `${path}.time`,
        'scoring.programming.timeBeforeRecorded',
        `a try at ${formatContestTime(recorded.lastTryAt)} is recorded already`,
        { time: formatContestTime(recorded.lastTryAt) },
      ),
    );
  }
  if (errors.length > 0 || timeMs === null) return fail(errors);

  const hasGroups = task.groups.length > 0;
  const wrong: ProgrammingTaskPayload = {
    task: task.id,
    points: 0,
    groups: hasGroups ? [] : null,
    timeMs,
  };
  const newWrong = counted ? tries - before : draft.solved ? 0 : 1;
  const payloads: ProgrammingTaskPayload[] = Array.from({ length: newWrong }, () => ({
    ...wrong,
  }));
  if (draft.solved) {
    payloads.push({
      task: task.id,
      points: task.maxPoints,
      groups: hasGroups ? task.groups.map((g) => g.id) : null,
      timeMs,
    });
  }
  return ok(payloads);
}
