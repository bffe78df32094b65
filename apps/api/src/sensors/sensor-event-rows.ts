import type { SensorEvent } from '@olympiad/contracts';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { rawStatement } from '../database/raw-statement';
import { SensorEventEntity } from './sensor-event.entity';

/** The row a valid event is stored as (not yet written). */
export function toSensorEventRow(deviceId: string, fieldId: string | null, event: SensorEvent, receivedAt: string): SensorEventEntity {
  return Object.assign(new SensorEventEntity(), {
    id: randomUUID(),
    deviceId,
    fieldId,
    boot: event.boot,
    seq: event.seq,
    deviceTimeUs: event.t,
    type: event.type,
    gate: event.type === 'gate' ? event.gate : null,
    payload: { ...event } as Record<string, string | number | boolean | null>,
    runId: null,
    receivedAt,
  });
}

const COLUMNS = ['id', 'deviceId', 'fieldId', 'boot', 'seq', 'deviceTimeUs', 'type', 'gate', 'payload', 'runId', 'receivedAt'] as const;
const INSERT = `INSERT INTO sensor_event (${COLUMNS.map((column) => `"${column}"`).join(', ')}) VALUES `;
const ROW_PLACEHOLDERS = `(${COLUMNS.map(() => '?').join(', ')})`;

/**
 * Inserts the rows that are new; a row whose (device, boot, seq) is already stored, or that comes
 * twice in `rows`, is skipped (ON CONFLICT DO NOTHING, on SQLite and PostgreSQL alike). Returns
 * how many were inserted.
 */
export async function insertNewSensorEvents(manager: EntityManager, rows: SensorEventEntity[]): Promise<number> {
  let inserted = 0;
  for (let start = 0; start < rows.length; start += 100) {
    const chunk = rows.slice(start, start + 100);
    const values = chunk.flatMap((row) => COLUMNS.map((column) => (column === 'payload' ? JSON.stringify(row.payload) : row[column])));
    inserted += (await rawStatement(manager, `${INSERT}${chunk.map(() => ROW_PLACEHOLDERS).join(', ')} ON CONFLICT DO NOTHING`, values)).affected;
  }
  return inserted;
}
