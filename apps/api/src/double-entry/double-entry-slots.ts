import type { DoubleEntrySlot } from '@olympiad/contracts';
import { DOUBLE_PENDING, parseDoublePending, teamsOfSlot } from '@olympiad/scoring';
import type { LedgerEntryRow } from '../ledger/ledger.query';
import type { DoubleEntryRow } from './double-entry.store';

/**
 * Every slot of a category with its blind entries side by side and where it stands: the newest
 * ledger entry of the chain that starts at the slot's stand-in says whether it still awaits the
 * second entry, is in review, or counts (agreed or decided).
 */
export function doubleEntrySlots(
  rows: readonly DoubleEntryRow[],
  ledger: readonly LedgerEntryRow[],
): DoubleEntrySlot[] {
  const successor = new Map<string, LedgerEntryRow>();
  const byId = new Map<string, LedgerEntryRow>();
  for (const entry of ledger) {
    byId.set(entry.id, entry);
    if (entry.supersedes) successor.set(entry.supersedes, entry);
  }
  const slots = new Map<string, DoubleEntryRow[]>();
  for (const row of rows) {
    const list = slots.get(row.slot);
    if (list) list.push(row);
    else slots.set(row.slot, [row]);
  }
  const out: DoubleEntrySlot[] = [];
  for (const [slot, entries] of slots) {
    const first = entries[0];
    let head = byId.get(first.ledgerEntryId);
    const seen = new Set<string>();
    while (head && successor.has(head.id) && !seen.has(head.id)) {
      seen.add(head.id);
      head = successor.get(head.id);
    }
    const pending = head?.kind === DOUBLE_PENDING ? parseDoublePending(head.payload) : null;
    out.push({
      slot,
      kind: first.kind,
      teamId: first.teamId,
      teams: teamsOfSlot(first),
      state: pending?.state ?? 'settled',
      headEntryId: head?.id ?? first.ledgerEntryId,
      entries: entries.map((entry) => ({
        id: entry.id,
        author: { id: entry.authorId, name: entry.authorName },
        payload: entry.payload,
        recordedAt: entry.recordedAt,
        receivedAt: entry.receivedAt,
      })),
    });
  }
  return out;
}
