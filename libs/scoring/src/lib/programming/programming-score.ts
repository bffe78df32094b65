import type { KeyPart } from '../ranking/rank-key';
import { parsePayload } from '../common/parse-payload';
import type { EffectiveEntry, EntryWarning, TeamScore } from '../standings/discipline-engine';
import {
  programmingTaskPayloadSchema,
  PROGRAMMING_TASK,
  type ProgrammingTaskPayload,
} from './programming-entries';
import type { ProgrammingParams } from './programming-rules';

interface Submission {
  payload: ProgrammingTaskPayload;
  /** Contest time (ms) or ledger position, as the rules measure "earlier". */
  at: number;
  order: number;
}

function submissionsOf(params: ProgrammingParams, entries: readonly EffectiveEntry[]) {
  const tasks = new Map(params.tasks.map((t) => [t.id, t]));
  const submissions: Submission[] = [];
  const warnings: EntryWarning[] = [];
  for (const entry of entries) {
    if (entry.record.kind !== PROGRAMMING_TASK) continue;
    const parsed = parsePayload(programmingTaskPayloadSchema, entry.record.payload);
    const task = parsed ? tasks.get(parsed.task) : undefined;
    const time = parsed && params.submissionTime === 'contest-time' ? parsed.timeMs : entry.rootSeq;
    if (!parsed || !task || parsed.points > task.maxPoints || time === null) {
      warnings.push({
        entryId: entry.record.id,
        key: 'scoring.ledger.invalidPayload',
        message: 'submission does not fit the rules; ignored',
      });
      continue;
    }
    submissions.push({ payload: parsed, at: time, order: entry.rootSeq });
  }
  submissions.sort((a, b) => a.at - b.at || a.order - b.order);
  return { submissions, warnings };
}

/** IOI (best per task) or last submission per task: total points, and when the final total was reached. */
function pointsScore(params: ProgrammingParams, submissions: readonly Submission[]) {
  const perTask = new Map<string, number>();
  let total = 0;
  let reachedAt = 0;
  for (const s of submissions) {
    const before = perTask.get(s.payload.task) ?? 0;
    const after =
      params.submissions === 'best' ? Math.max(before, s.payload.points) : s.payload.points;
    perTask.set(s.payload.task, after);
    if (after !== before) {
      total += after - before;
      reachedAt = s.at;
    }
  }
  return { perTask: Object.fromEntries(perTask), total, reachedAt };
}

/** What the ICPC rules count of one task for one team. */
export interface IcpcTaskState {
  solved: boolean;
  /** Rejected submissions before the accepted one (all of them while unsolved). */
  wrongTries: number;
  acceptedAt: number | null;
  /** The latest submission that counts (accepted or wrong), as the rules measure time. */
  lastTryAt: number;
}

function icpcTaskStates(params: ProgrammingParams, submissions: readonly Submission[]) {
  const maxOf = new Map(params.tasks.map((t) => [t.id, t.maxPoints]));
  const perTask = new Map<string, IcpcTaskState>();
  for (const s of submissions) {
    const state = perTask.get(s.payload.task) ?? {
      solved: false,
      wrongTries: 0,
      acceptedAt: null,
      lastTryAt: s.at,
    };
    if (!state.solved) {
      state.lastTryAt = s.at;
      if (s.payload.points === maxOf.get(s.payload.task)) {
        state.solved = true;
        state.acceptedAt = s.at;
      } else state.wrongTries += 1;
    }
    perTask.set(s.payload.task, state);
  }
  return perTask;
}

/** Per task, what the ICPC rules count of a team's entries (the tablet shows it beside each task). */
export function icpcTasksOf(
  params: ProgrammingParams,
  entries: readonly EffectiveEntry[],
): Map<string, IcpcTaskState> {
  return icpcTaskStates(params, submissionsOf(params, entries).submissions);
}

/** ICPC: tasks solved (full points), then time: acceptance time plus a penalty per earlier wrong try. */
function icpcScore(params: ProgrammingParams, submissions: readonly Submission[]) {
  const states = icpcTaskStates(params, submissions);
  const perTask = new Map(
    [...states].map(([task, { solved, wrongTries, acceptedAt }]) => [
      task,
      { solved, wrongTries, acceptedAt },
    ]),
  );
  let solved = 0;
  let penaltyMs = 0;
  let lastSolvedAt = 0;
  for (const state of perTask.values()) {
    if (!state.solved) continue;
    solved += 1;
    penaltyMs += (state.acceptedAt as number) + state.wrongTries * params.penaltyMsPerWrongTry;
    lastSolvedAt = Math.max(lastSolvedAt, state.acceptedAt as number);
  }
  return { perTask: Object.fromEntries(perTask), solved, penaltyMs, lastSolvedAt };
}

export function scoreProgrammingTeam(
  params: ProgrammingParams,
  entries: readonly EffectiveEntry[],
): TeamScore {
  const { submissions, warnings } = submissionsOf(params, entries);
  if (submissions.length === 0) {
    return { status: 'not-scored', key: [], primary: null, display: '', detail: {}, warnings };
  }
  if (params.submissions === 'icpc') {
    const icpc = icpcScore(params, submissions);
    const key: KeyPart[] = [-icpc.solved, icpc.penaltyMs];
    if (params.tieBreaks.includes('earlier-final-total')) key.push(icpc.lastSolvedAt);
    const minutes = Math.floor(icpc.penaltyMs / 60_000);
    return {
      status: 'ranked',
      key,
      primary: icpc.solved,
      display: `${icpc.solved} (${minutes})`,
      detail: { tasks: icpc.perTask, solved: icpc.solved, penaltyMs: icpc.penaltyMs },
      warnings,
    };
  }
  const score = pointsScore(params, submissions);
  const key: KeyPart[] = [-score.total];
  if (params.tieBreaks.includes('earlier-final-total')) key.push(score.reachedAt);
  return {
    status: 'ranked',
    key,
    primary: score.total,
    display: String(score.total),
    detail: { tasks: score.perTask, total: score.total, reachedAt: score.reachedAt },
    warnings,
  };
}
