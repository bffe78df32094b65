import type { RunState } from '@olympiad/contracts';
import type { FieldRunEntity } from './field-run.entity';

/** The live shape of a stored run (a cancelled run leaves the field idle). */
export function toRunState(fieldId: string, run: FieldRunEntity | null): RunState {
  if (!run || run.state === 'cancelled' || run.state === 'released') return { fieldId, state: 'idle' };
  const base = {
    fieldId,
    runId: run.id,
    categoryId: run.categoryId,
    teamId: run.teamId,
    attempt: run.attempt,
    armedAt: run.armedAt,
  };
  switch (run.state) {
    case 'armed':
      return { ...base, state: 'armed' };
    case 'running':
      return { ...base, state: 'running', startedAt: run.startedAt ?? run.armedAt };
    case 'finished':
      return { ...base, state: 'finished', startedAt: run.startedAt ?? run.armedAt, durationMs: run.durationMs ?? 0, entryId: run.entryId };
    case 'needs-manual-timing':
      return { ...base, state: 'needs-manual-timing', reason: run.reason === 'device-offline' ? 'device-offline' : 'device-rebooted' };
  }
}

/** Device clocks count microseconds; results are whole milliseconds (rounded half up). */
export function durationMs(startUs: number, finishUs: number): number {
  return Math.round((finishUs - startUs) / 1000);
}
