import type { EntityManager } from 'typeorm';
import { conflict } from '../common/api-error';
import { rawStatement } from '../database/raw-statement';

/**
 * The first key of the two-key advisory lock an import's transaction takes on its stage; apart
 * from the category writes' space (common/category-write-lock.ts).
 */
export const STAGE_IMPORT_LOCK_SPACE = 2;

/**
 * One import per stage at a time across every replica on one PostgreSQL database
 * (docs/design.md#scale-out): call first in the import's transaction. The lock goes with the
 * commit or rollback; while another replica's import holds it, this one is refused as the same
 * process would refuse it. SQLite has one server process, whose own turn (RegistrationCommitsService)
 * is enough.
 */
export async function claimStageImportTurn(manager: EntityManager, stageId: string): Promise<void> {
  if (manager.connection.options.type !== 'postgres') return;
  const { rows } = await rawStatement(
    manager,
    'SELECT pg_try_advisory_xact_lock(?, hashtext(?)) AS claimed',
    [STAGE_IMPORT_LOCK_SPACE, stageId],
  );
  if (rows[0]?.claimed !== true) {
    throw conflict(
      'registration.commitRunning',
      'An import into this stage is being saved; wait for it to finish',
    );
  }
}
