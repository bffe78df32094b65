import type { StandingsSnapshot } from '@olympiad/contracts';
import type { StandingRow } from '@olympiad/scoring';
import type { FieldRun } from '../live/live-standings-client';

/** The lower third's run: the field's run now, or its last one until the next is armed. */
export interface ShownRun {
  run: FieldRun;
  /** The judge has freed the field (the run is over on the server). */
  freed: boolean;
  /** The team's row was seen awaiting the judge after this finish. */
  sawUnconfirmed: boolean;
}

export type LowerThirdPhase = 'armed' | 'running' | 'provisional' | 'confirmed';

/** What the field's next message makes of the shown run. */
export function nextShownRun(
  shown: ShownRun | null,
  run: FieldRun | undefined,
  row: StandingRow | undefined,
): ShownRun | null {
  if (!run) return shown && !shown.freed ? { ...shown, freed: true } : shown;
  const same =
    shown &&
    shown.run.teamId === run.teamId &&
    shown.run.attempt === run.attempt &&
    shown.run.categoryId === run.categoryId;
  const sawUnconfirmed =
    (same ? shown.sawUnconfirmed : false) ||
    (run.state === 'finished' && Boolean(row?.unconfirmed));
  if (same && shown.run === run && shown.sawUnconfirmed === sawUnconfirmed && !shown.freed)
    return shown;
  return { run, freed: false, sawUnconfirmed };
}

/**
 * Provisional until the judge confirms (docs/results-display.md#provisional-results): the team's
 * row, seen awaiting the judge after this finish, no longer is; or the judge has freed the field.
 */
export function lowerThirdPhase(shown: ShownRun, row: StandingRow | undefined): LowerThirdPhase {
  const { run } = shown;
  if (run.state === 'armed') return 'armed';
  if (run.state === 'running') return 'running';
  const confirmed = row !== undefined && !row.unconfirmed && (shown.sawUnconfirmed || shown.freed);
  return confirmed ? 'confirmed' : 'provisional';
}

export function rowOf(
  standings: StandingsSnapshot | undefined,
  teamId: string | undefined,
): StandingRow | undefined {
  return teamId ? standings?.standings.rows.find((row) => row.teamId === teamId) : undefined;
}
