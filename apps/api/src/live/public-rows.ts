import type { StageSnapshot, StandingsDelta, StandingsSnapshot } from '@olympiad/contracts';
import type { StandingRow } from '@olympiad/scoring';

/**
 * What the public gets of a standings row: place, status and the result as shown, not the
 * discipline detail (attempts, marks, penalties) that judges need. It keeps public deltas small
 * (a maze row ~100 bytes instead of ~360) for 10,000 viewers and for phones on slow links.
 */
export function publicRow(row: StandingRow): StandingRow {
  const { detail: _detail, ...shown } = row;
  return { ...shown, detail: {} };
}

export function publicDelta(delta: StandingsDelta): StandingsDelta {
  return { ...delta, changed: delta.changed.map(publicRow) };
}

export function publicSnapshot(snapshot: StandingsSnapshot): StandingsSnapshot {
  return { ...snapshot, standings: { ...snapshot.standings, rows: snapshot.standings.rows.map(publicRow), warnings: undefined } };
}

/** The public's view of a stage: only its published categories (an embargoed one is not even named). */
export function publicStageSnapshot(snapshot: StageSnapshot): StageSnapshot {
  return { ...snapshot, categories: snapshot.categories.filter((category) => category.published) };
}
