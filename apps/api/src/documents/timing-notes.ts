import { MAZE_ATTEMPT, type EffectiveEntry } from '@olympiad/scoring';

/** A gate-timed run of a team's attempt, as the run timing stored it (docs/sensor-contract.md#clock-offsets). */
export interface GateTiming {
  teamId: string;
  attempt: number;
  /** `needs-manual-timing` when the clocks could not time it. */
  state: string;
  durationMs: number | null;
  timingBoundMs: number | null;
}

/**
 * What the protocol says of an attempt's timing: its bound when two controllers timed it
 * (`boundMs`), or that the judge's stopwatch timed it because they could not (`boundMs` null).
 */
export interface TimingNote {
  teamId: string;
  attempt: number;
  boundMs: number | null;
}

/**
 * The notes for the category's effective maze attempts: an attempt recorded with the gates' time
 * of a two-controller run carries that run's bound; one recorded by stopwatch after its run was
 * left to manual timing is hand-timed. One controller's times are exact and get no note.
 */
export function timingNotes(
  effective: readonly EffectiveEntry[],
  runs: readonly GateTiming[],
): TimingNote[] {
  // The newest run of each team and attempt (runs come oldest first).
  const runOf = new Map(runs.map((run) => [`${run.teamId}:${run.attempt}`, run]));
  const notes: TimingNote[] = [];
  for (const { record } of effective) {
    if (record.kind !== MAZE_ATTEMPT || !record.teamId) continue;
    const payload = record.payload as {
      attempt?: number;
      timing?: string | null;
      timeMs?: number | null;
    };
    if (typeof payload.attempt !== 'number') continue;
    const run = runOf.get(`${record.teamId}:${payload.attempt}`);
    if (!run) continue;
    const base = { teamId: record.teamId, attempt: payload.attempt };
    if (payload.timing === 'stopwatch' && run.state === 'needs-manual-timing')
      notes.push({ ...base, boundMs: null });
    else if (payload.timing === 'sensor' && run.timingBoundMs && payload.timeMs === run.durationMs)
      notes.push({ ...base, boundMs: run.timingBoundMs });
  }
  return notes;
}
