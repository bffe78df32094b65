import type { FieldQueue, HeldEntry, RunState } from '@olympiad/contracts';
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
export function nextLiveRun(previous: LiveRun | undefined, run: RunState, perfNow: number, wallNow: number): LiveRun {
  if (run.state !== 'running') return { run, startedHere: null };
  if (previous?.run.state === 'running' && previous.run.runId === run.runId) return { run, startedHere: previous.startedHere };
  const seenStart = previous && previous.run.state === 'armed' && previous.run.runId === run.runId;
  const since = wallNow - Date.parse(run.startedAt);
  return { run, startedHere: perfNow - (seenStart || !Number.isFinite(since) || since < 0 ? 0 : since) };
}

/** The team whose attempt is under way on the field (armed, running, or being timed by hand). */
export function teamOnField(run: RunState | undefined): string | null {
  if (!run || run.state === 'idle' || run.state === 'finished') return null;
  return run.teamId;
}

/**
 * The teams still to run on a maze table, in order, without the one on the field. A run that just
 * finished has its attempt recorded, but the queue may not have been fetched again yet: that team
 * is not shown as waiting for the attempt it has just run.
 */
export function waitingTeams(field: FieldQueue, run: RunState | undefined) {
  const justRun = run?.state === 'finished' ? run : null;
  return mazeQueueWaiting(field.teams, teamOnField(run)).filter(
    (team) => !(justRun && team.teamId === justRun.teamId && team.nextAttempt === justRun.attempt),
  );
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
