import type { LedgerRecord } from '../ledger.types';
import type { EffectiveEntry, EntryWarning } from '../standings/discipline-engine';
import { VOID } from './generic-entries';

export interface ResolvedLedger {
  /** The newest entry of every chain that is not voided, ordered by the chain's first seq. */
  effective: EffectiveEntry[];
  warnings: EntryWarning[];
}

export function unknownTargetWarning(record: LedgerRecord): EntryWarning {
  return {
    entryId: record.id,
    key: 'scoring.ledger.unknownTarget',
    message: `supersedes ${String(record.supersedes)}, which is not an earlier accepted entry; ignored`,
  };
}

export function voidWithoutTargetWarning(record: LedgerRecord): EntryWarning {
  return {
    entryId: record.id,
    key: 'scoring.ledger.voidWithoutTarget',
    message: 'a void entry names no entry; ignored',
  };
}

/**
 * Applies corrections and voids in seq order. A correction joins the chain of the entry it names
 * (any member of the chain); the chain's newest entry counts; a chain whose newest entry is a void
 * counts for nothing. A correction naming an entry that is unknown (or was itself ignored) is ignored.
 * The same id twice counts once.
 */
export function resolveLedger(entries: readonly LedgerRecord[]): ResolvedLedger {
  const sorted = uniqueById(entries).sort((a, b) => a.seq - b.seq);
  const rootOf = new Map<string, LedgerRecord>();
  const head = new Map<string, LedgerRecord>();
  const warnings: EntryWarning[] = [];
  for (const record of sorted) {
    if (record.supersedes !== null) {
      const root = rootOf.get(record.supersedes);
      if (!root) {
        warnings.push(unknownTargetWarning(record));
        continue;
      }
      rootOf.set(record.id, root);
      head.set(root.id, record);
    } else if (record.kind === VOID) {
      warnings.push(voidWithoutTargetWarning(record));
    } else {
      rootOf.set(record.id, record);
      head.set(record.id, record);
    }
  }
  const effective: EffectiveEntry[] = [];
  for (const [rootId, record] of head) {
    if (record.kind === VOID) continue;
    const root = rootOf.get(rootId) as LedgerRecord;
    effective.push({ record, rootId, rootSeq: root.seq });
  }
  effective.sort((a, b) => a.rootSeq - b.rootSeq);
  return { effective, warnings };
}

function uniqueById(entries: readonly LedgerRecord[]): LedgerRecord[] {
  const byId = new Map<string, LedgerRecord>();
  for (const entry of entries) {
    const seen = byId.get(entry.id);
    if (!seen || entry.seq < seen.seq) byId.set(entry.id, entry);
  }
  return [...byId.values()];
}
