import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { LedgerEntryEntity } from '../ledger/ledger-entry.entity';
import { canonicalJson, type StageRows } from './stage-bundle';
import { readStageRows } from './stage-rows';

/**
 * The venue's outbox is the ledger itself (docs/federation.md, "Store and forward"): an entry
 * waits until the republic has acknowledged its id. Asking by id rather than by "the highest seq
 * sent" means an entry whose seq became visible late (PostgreSQL) is never skipped.
 */
const waiting = (manager: EntityManager, stageId: string) =>
  manager
    .createQueryBuilder(LedgerEntryEntity, 'entry')
    .where('entry.stageId = :stageId', { stageId })
    .andWhere('NOT EXISTS (SELECT 1 FROM federation_ack ack WHERE ack."entryId" = entry.id)');

export function pendingEntryCount(manager: EntityManager, stageId: string): Promise<number> {
  return waiting(manager, stageId).getCount();
}

/** The oldest entries still waiting, in the venue's seq order (a correction after what it corrects). */
export function pendingEntries(
  manager: EntityManager,
  stageId: string,
  limit: number,
): Promise<LedgerEntryEntity[]> {
  return waiting(manager, stageId).orderBy('entry.seq', 'ASC').limit(limit).getMany();
}

/** Everything of the stage but its ledger, as it stands now. */
export function stageSnapshot(manager: EntityManager, stageId: string): Promise<StageRows> {
  return readStageRows(manager, stageId, { withLedger: false });
}

export function digestOf(snapshot: StageRows): string {
  return createHash('sha256')
    .update(canonicalJson({ ...snapshot, ledger: [] }))
    .digest('hex');
}

export async function snapshotDigest(manager: EntityManager, stageId: string): Promise<string> {
  return digestOf(await stageSnapshot(manager, stageId));
}
