import {
  DOUBLE_PENDING,
  doubleEntrySlot,
  entryModeOf,
  needsSecondEntry,
  teamsOfSlot,
  type LedgerRecord,
  type RuleSet,
} from '@olympiad/scoring';

/**
 * A judge's entry still in the outbox, as the tablet counts it: in a double-entry category
 * (docs/rules.md#double-entry) it stands for "awaiting the second judge", as the server's ledger
 * will once it arrives, and counts nothing yet; otherwise it is the entry itself.
 */
export function blindOutboxRecord(ruleSet: RuleSet, record: LedgerRecord): LedgerRecord {
  if (entryModeOf(ruleSet) !== 'double' || !needsSecondEntry(record, record.authorId))
    return record;
  const slot = doubleEntrySlot(record) as string;
  return {
    ...record,
    kind: DOUBLE_PENDING,
    payload: { slot, state: 'awaiting-second', teams: teamsOfSlot(record) },
    supersedes: null,
  };
}
