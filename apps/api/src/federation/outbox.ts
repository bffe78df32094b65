import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { LedgerQuery, type LedgerEntryRow } from '../ledger/ledger.query';
import { canonicalJson, type StageRows } from './stage-bundle';
import { StageRowsReader } from './stage-rows';

/** The table of the republic's acknowledgements (FederationAckEntity). */
const ACKNOWLEDGEMENTS = 'federation_ack';

/**
 * The venue's outbox is the ledger itself (docs/federation.md, "Store and forward"): an entry
 * waits until the republic has acknowledged its id. Asking by id rather than by "the highest seq
 * sent" means an entry whose seq became visible late (PostgreSQL) is never skipped.
 */
@Injectable()
export class Outbox {
  constructor(
    private readonly ledger: LedgerQuery,
    private readonly rows: StageRowsReader,
  ) {}

  pendingEntryCount(stageId: string, manager?: EntityManager): Promise<number> {
    return this.ledger.countEntriesWithoutReceipt(stageId, ACKNOWLEDGEMENTS, manager);
  }

  /** The oldest entries still waiting, in the venue's seq order (a correction after what it corrects). */
  pendingEntries(
    stageId: string,
    limit: number,
    manager?: EntityManager,
  ): Promise<LedgerEntryRow[]> {
    return this.ledger.entriesWithoutReceipt(stageId, ACKNOWLEDGEMENTS, limit, manager);
  }

  /** Everything of the stage but its ledger, as it stands now. */
  stageSnapshot(stageId: string, manager?: EntityManager): Promise<StageRows> {
    return this.rows.read(stageId, { withLedger: false }, manager);
  }

  async snapshotDigest(stageId: string, manager?: EntityManager): Promise<string> {
    return digestOf(await this.stageSnapshot(stageId, manager));
  }
}

export function digestOf(snapshot: StageRows): string {
  return createHash('sha256')
    .update(canonicalJson({ ...snapshot, ledger: [] }))
    .digest('hex');
}
