import type { FieldQueue, FieldQueueRunCheck, HeldEntry, RunState } from '@olympiad/contracts';
import { mazeQueueWaiting } from '@olympiad/scoring';

/** A field's run as this console knows it, with where its running clock counts from. */
export interface LiveRun {
  run: RunState;
  /** performance.now() at the run's start as seen here; null unless running. */
  startedHere: number | null;
}

/**
 * The run's clock start: the moment this console saw it start, or — joining a run already under
 * way — as near as the server's start time allows.
 */
export function nextLiveRun(
  previous: LiveRun | undefined,
  run: RunState,
  perfNow: number,
  wallNow: number,
): LiveRun {
  if (run.state !== 'running') return { run, startedHere: null };
  if (previous?.run.state === 'running' && previous.run.runId === run.runId)
    return { run, startedHere: previous.startedHere };
  const seenStart = previous && previous.run.state === 'armed' && previous.run.runId === run.runId;
  const since = wallNow - Date.parse(run.startedAt);
  return {
    run,
    startedHere: perfNow - (seenStart || !Number.isFinite(since) || since < 0 ? 0 : since),
  };
}

/** The team whose attempt is under way on the field (armed, running, or being timed by hand). */
export function teamOnField(run: RunState | undefined): string | null {
  if (!run || run.state === 'idle' || run.state === 'finished') return null;
  return run.teamId;
}

/**
 * The teams still to run on a maze table, in order, without the one on the field. A run that just
 * finished has its attempt recorded, but the queue may not have been fetched again yet: that team
 * is not shown as waiting for the attempt it has just run. A team on another field now (armed
 * there, running or being timed) is not called here either.
 */
export function waitingTeams(
  field: FieldQueue,
  run: RunState | undefined,
  elsewhere: ReadonlySet<string> = new Set(),
) {
  const justRun = run?.state === 'finished' ? run : null;
  return mazeQueueWaiting(field.teams, teamOnField(run)).filter(
    (team) =>
      !elsewhere.has(team.teamId) &&
      !(justRun && team.teamId === justRun.teamId && team.nextAttempt === justRun.attempt),
  );
}

/** The teams on every field but `fieldId` now (armed, running, or being timed by hand). */
export function teamsOnOtherFields(
  runs: Record<string, { run: RunState } | undefined>,
  fieldId: string,
): Set<string> {
  const teams = new Set<string>();
  for (const [id, live] of Object.entries(runs)) {
    const team = id === fieldId ? null : teamOnField(live?.run);
    if (team) teams.add(team);
  }
  return teams;
}

/**
 * A finished run's result as the ledger has it now: the gate's time until the judge confirms it
 * with a change (touches), corrects or voids it — then what counts. A check of another run (the
 * queue not fetched again yet) says nothing about this one.
 */
export type FinishedRunResult =
  | { kind: 'provisional'; durationMs: number }
  | { kind: 'confirmed'; attempt: FieldQueueRunCheck['attempt'] };

export function finishedRunResult(
  run: Extract<RunState, { state: 'finished' }>,
  check: FieldQueueRunCheck | null | undefined,
): FinishedRunResult {
  if (check && check.runId === run.runId && check.state === 'replaced')
    return { kind: 'confirmed', attempt: check.attempt };
  return { kind: 'provisional', durationMs: run.durationMs };
}

/** Open held entries of the field's categories (a category on two fields counts on both). */
export function heldOnField(field: FieldQueue, held: readonly HeldEntry[]): number {
  const ids = new Set(field.categories.map((category) => category.id));
  return held.filter((entry) => entry.status === 'open' && ids.has(entry.categoryId)).length;
}

/** "0:12.3" while running: tenths are enough for a clock people watch. */
export function formatRunningClock(ms: number): string {
  const tenths = Math.max(0, Math.floor(ms / 100));
  const minutes = Math.floor(tenths / 600);
  const seconds = Math.floor((tenths % 600) / 10);
  return `${minutes}:${String(seconds).padStart(2, '0')}.${tenths % 10}`;
}
