import type { EntityManager } from 'typeorm';
import { rawStatement } from '../database/raw-statement';
import type { StandingEntity } from './standing.entity';

// Run after every score (a sensor's finish among them), hence hand-written SQL: see rawStatement.

const COLUMNS = [
  'categoryId',
  'teamId',
  'place',
  'status',
  'primaryValue',
  'display',
  'timePrecision',
  'detail',
  'unconfirmed',
  'review',
  'position',
] as const;
// `provisional` last, as a SQL literal: better-sqlite3 binds no booleans, and TRUE/FALSE mean the
// same to both databases.
const UPSERT_HEAD = `INSERT INTO standing (${COLUMNS.map((column) => `"${column}"`).join(', ')}, "provisional") VALUES `;
const UPSERT_TAIL = ` ON CONFLICT ("categoryId", "teamId") DO UPDATE SET ${[
  ...COLUMNS.slice(2),
  'provisional',
]
  .map((column) => `"${column}" = excluded."${column}"`)
  .join(', ')}`;
const PLACEHOLDERS = COLUMNS.map(() => '?').join(', ');
const row = (provisional: boolean) => `(${PLACEHOLDERS}, ${provisional ? 'TRUE' : 'FALSE'})`;

/** Inserts or replaces the category's changed standing rows, up to 500 per statement. */
export async function upsertStandings(
  manager: EntityManager,
  rows: StandingEntity[],
): Promise<void> {
  for (let start = 0; start < rows.length; start += 500) {
    const chunk = rows.slice(start, start + 500);
    const values = chunk.flatMap((row) => [
      row.categoryId,
      row.teamId,
      row.place,
      row.status,
      row.primary,
      row.display,
      row.timePrecision,
      JSON.stringify(row.detail),
      row.unconfirmed ? JSON.stringify(row.unconfirmed) : null,
      row.review,
      row.position,
    ]);
    await rawStatement(
      manager,
      UPSERT_HEAD + chunk.map((entity) => row(entity.provisional)).join(', ') + UPSERT_TAIL,
      values,
    );
  }
}
