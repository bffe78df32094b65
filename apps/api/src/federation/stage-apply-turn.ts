import type { EntityManager } from 'typeorm';
import { rawStatement } from '../database/raw-statement';

/**
 * The first key of the two-key advisory lock a venue's data takes on its stage on PostgreSQL,
 * beside the categories' (1), the imports' (2) and the fields' (3)
 * (docs/deploy.md#writes-that-must-take-turns).
 */
export const STAGE_APPLY_LOCK_SPACE = 4;

/**
 * One venue batch, bundle or claim of a stage at a time across every replica on one PostgreSQL
 * database: call first in the transaction, before the venue's link row is read. It waits
 * for another replica's apply of the stage to commit, so the second reads the ledger ids and the
 * snapshot number the first stored instead of inserting the same entries or storing an older
 * snapshot over a newer one. SQLite has one server process, whose in-memory lane is enough.
 */
export async function takeStageApplyTurn(manager: EntityManager, stageId: string): Promise<void> {
  if (manager.connection.options.type !== 'postgres') return;
  await rawStatement(manager, 'SELECT pg_advisory_xact_lock(?, hashtext(?))', [
    STAGE_APPLY_LOCK_SPACE,
    stageId,
  ]);
}
