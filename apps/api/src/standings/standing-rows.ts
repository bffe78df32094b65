import type { StandingRow, Standings } from '@olympiad/scoring';
import { StandingEntity } from './standing.entity';

export function toStandingEntity(
  categoryId: string,
  row: StandingRow,
  position: number,
): StandingEntity {
  return Object.assign(new StandingEntity(), {
    categoryId,
    teamId: row.teamId,
    place: row.place,
    status: row.status,
    primary: row.primary,
    display: row.display,
    timePrecision: row.timePrecision ?? null,
    detail: row.detail,
    provisional: row.provisional === true,
    unconfirmed: row.unconfirmed ?? null,
    review: row.review ?? null,
    position,
  });
}

export function fromStandingEntities(rows: StandingEntity[]): Standings {
  return {
    rows: [...rows]
      .sort((a, b) => a.position - b.position)
      .map((row) => ({
        teamId: row.teamId,
        place: row.place,
        status: row.status,
        primary: row.primary,
        display: row.display,
        detail: row.detail,
        // Last, where the rules put them, so changedRows compares like with like.
        ...(row.provisional ? { provisional: true } : {}),
        ...(row.timePrecision ? { timePrecision: row.timePrecision } : {}),
        ...(row.unconfirmed ? { unconfirmed: row.unconfirmed } : {}),
        ...(row.review ? { review: row.review } : {}),
      })),
  };
}

/** Rows whose content or position differ between two standings of the same category. */
export function changedRows(
  before: Standings,
  after: Standings,
): { row: StandingRow; position: number }[] {
  const previous = new Map(before.rows.map((row, position) => [row.teamId, { row, position }]));
  const changed: { row: StandingRow; position: number }[] = [];
  after.rows.forEach((row, position) => {
    const old = previous.get(row.teamId);
    if (!old || old.position !== position || JSON.stringify(old.row) !== JSON.stringify(row)) {
      changed.push({ row, position });
    }
  });
  return changed;
}
