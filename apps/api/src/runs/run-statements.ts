import type { EntityManager } from 'typeorm';
import { rawStatement } from '../database/raw-statement';
import { FieldRunEntity } from './field-run.entity';
import type { GateLayout } from './run-state';

/** What a finish needs of the start gate that started its run. */
export interface StartGate {
  id: string;
  deviceId: string;
  boot: string;
  seq: number;
  deviceTimeUs: number;
}

const RUN_COLUMNS = [
  'id',
  'fieldId',
  'categoryId',
  'teamId',
  'attempt',
  'state',
  'armedBy',
  'armedAt',
  'armedSeq',
  'startEventId',
  'finishEventId',
  'startedAt',
  'durationMs',
  'entryId',
  'reason',
  'timingBoundMs',
] as const;

const ACTIVE_RUN = `
  SELECT ${RUN_COLUMNS.map((column) => `r."${column}"`).join(', ')},
         s."deviceId" AS "startDeviceId", s.boot AS "startBoot", s.seq AS "startSeq", s."deviceTimeUs" AS "startTimeUs",
         f."startDeviceId" AS "layoutStart", f."finishDeviceId" AS "layoutFinish"
  FROM field_run r LEFT JOIN sensor_event s ON s.id = r."startEventId"
       LEFT JOIN field f ON f.id = r."fieldId"
  WHERE r."fieldId" = ? AND r.state IN ('armed', 'running')
  ORDER BY r."armedSeq" DESC, r."armedAt" DESC LIMIT 1`;

/**
 * The field's armed or running run with its start gate and the field's gate layout, in one
 * statement: the first thing every start and finish gate reads (hand-written SQL, see
 * rawStatement). It joins the sensors feature's `sensor_event` and the fields feature's `field`
 * itself, the reads of other features' tables outside their query services
 * (docs/architecture.md#features-own-their-data): more statements on every gate would cost more.
 */
export async function activeRunOf(
  manager: EntityManager,
  fieldId: string,
): Promise<{ run: FieldRunEntity; start: StartGate | null; layout: GateLayout | null } | null> {
  const [row] = (await rawStatement(manager, ACTIVE_RUN, [fieldId])).rows;
  if (!row) return null;
  const run = Object.assign(
    new FieldRunEntity(),
    Object.fromEntries(RUN_COLUMNS.map((column) => [column, row[column]])),
  );
  // PostgreSQL hands integers back as numbers, bigints as strings.
  run.attempt = Number(run.attempt);
  run.armedSeq = Number(run.armedSeq);
  if (run.durationMs !== null) run.durationMs = Number(run.durationMs);
  if (run.timingBoundMs !== null) run.timingBoundMs = Number(run.timingBoundMs);
  const start: StartGate | null =
    run.startEventId && row.startDeviceId
      ? {
          id: run.startEventId,
          deviceId: String(row.startDeviceId),
          boot: String(row.startBoot),
          seq: Number(row.startSeq),
          deviceTimeUs: Number(row.startTimeUs),
        }
      : null;
  const layout: GateLayout | null =
    row.layoutStart && row.layoutFinish
      ? { startDeviceId: String(row.layoutStart), finishDeviceId: String(row.layoutFinish) }
      : null;
  return { run, start, layout };
}

/** Stores the run's new state and times (the columns a start or a finish changes). */
export async function storeRunProgress(manager: EntityManager, run: FieldRunEntity): Promise<void> {
  await rawStatement(
    manager,
    'UPDATE field_run SET state = ?, "startEventId" = ?, "startedAt" = ?, "finishEventId" = ?, "durationMs" = ?, "entryId" = ?, reason = ?, "timingBoundMs" = ? WHERE id = ?',
    [
      run.state,
      run.startEventId,
      run.startedAt,
      run.finishEventId,
      run.durationMs,
      run.entryId,
      run.reason,
      run.timingBoundMs,
      run.id,
    ],
  );
}

/** The field's newest run, whatever its state. */
export function latestRunOf(
  manager: EntityManager,
  fieldId: string,
): Promise<FieldRunEntity | null> {
  return manager.findOne(FieldRunEntity, {
    where: { fieldId },
    order: { armedSeq: 'DESC', armedAt: 'DESC' },
  });
}

/** The `armedSeq` of a run armed now on the field (called inside the field's turn). */
export async function nextArmedSeq(manager: EntityManager, fieldId: string): Promise<number> {
  const [row] = (
    await rawStatement(
      manager,
      'SELECT COALESCE(MAX("armedSeq"), 0) AS seq FROM field_run WHERE "fieldId" = ?',
      [fieldId],
    )
  ).rows;
  return Number(row?.seq ?? 0) + 1;
}
