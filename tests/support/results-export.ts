import request from 'supertest';
import { binaryBody } from './binary-body';
import type { Venue } from './start-venue';

/** Columns of the results export (apps/api/src/exports/results-table.ts). */
export const EXPORT_TEAM = 4;
export const EXPORT_STATUS = 11;

/** A category's CSV results export as rows of cells, the header first and the BOM dropped. */
export async function exportedCsvRows(
  venue: Venue,
  token: string,
  categoryId: string,
): Promise<string[][]> {
  const csv = (
    await request(venue.url)
      .get(`/api/categories/${categoryId}/results.csv`)
      .set('Authorization', `Bearer ${token}`)
      .buffer(true)
      .parse(binaryBody)
      .expect(200)
  ).body as Buffer;
  return csv
    .subarray(3)
    .toString('utf8')
    .trim()
    .split('\r\n')
    .map((line) => line.split(';'));
}

/** The Status cell of a team's line in the category's CSV export; undefined when it has none. */
export async function exportedStatus(
  venue: Venue,
  token: string,
  categoryId: string,
  teamName: string,
): Promise<string | undefined> {
  const rows = await exportedCsvRows(venue, token, categoryId);
  return rows.find((cells) => cells[EXPORT_TEAM] === teamName)?.[EXPORT_STATUS];
}
