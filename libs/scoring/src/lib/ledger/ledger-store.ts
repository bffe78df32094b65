import type { LedgerRecord } from '../ledger.types';
import type { EffectiveEntry, EntryWarning } from '../standings/discipline-engine';
import { VOID } from './generic-entries';
import { unknownTargetWarning, voidWithoutTargetWarning } from './resolve-ledger';

/**
 * Append-only storage of a category's ledger shared by successive standings states. A state sees
 * the first `count` records only, so appending for the newest state never changes what an older
 * state sees; appending to an older state copies the visible prefix first.
 */
class LedgerStore {
  readonly records: LedgerRecord[] = [];
  readonly indexById = new Map<string, number>();
  /** Index of the chain's first record, or -1 for a record that was ignored. */
  readonly rootIndex: number[] = [];
  /** Chain members by root index, ascending. */
  readonly members = new Map<number, number[]>();
  /** Indices of counted records naming each team (null: no team). */
  readonly byTeam = new Map<string | null, number[]>();
  readonly warnings: { index: number; warning: EntryWarning }[] = [];
}

export interface LedgerView {
  readonly store: LedgerStore;
  readonly count: number;
}

export type AppendOutcome =
  | { kind: 'duplicate'; view: LedgerView }
  | { kind: 'out-of-order'; records: LedgerRecord[] }
  | { kind: 'appended'; view: LedgerView; affected: (string | null)[] };

export function emptyLedger(): LedgerView {
  return { store: new LedgerStore(), count: 0 };
}

export function ledgerFrom(records: readonly LedgerRecord[]): LedgerView {
  let view = emptyLedger();
  const sorted = records.slice().sort((a, b) => a.seq - b.seq);
  for (const record of sorted) {
    const outcome = appendRecord(view, record);
    if (outcome.kind === 'appended' || outcome.kind === 'duplicate') view = outcome.view;
  }
  return view;
}

export function visibleRecords(view: LedgerView): LedgerRecord[] {
  return view.store.records.slice(0, view.count);
}

export function appendRecord(view: LedgerView, record: LedgerRecord): AppendOutcome {
  const known = view.store.indexById.get(record.id);
  if (known !== undefined && known < view.count) return { kind: 'duplicate', view };
  if (view.count > 0 && record.seq < view.store.records[view.count - 1].seq) {
    return { kind: 'out-of-order', records: [...visibleRecords(view), record] };
  }
  const store =
    view.count === view.store.records.length ? view.store : ledgerFrom(visibleRecords(view)).store;
  const index = store.records.length;
  store.records.push(record);
  store.indexById.set(record.id, index);
  const affected: (string | null)[] = [];

  if (record.supersedes !== null) {
    const target = store.indexById.get(record.supersedes);
    const root = target === undefined || target >= index ? -1 : store.rootIndex[target];
    if (root < 0) {
      store.rootIndex.push(-1);
      store.warnings.push({ index, warning: unknownTargetWarning(record) });
    } else {
      const chain = store.members.get(root) as number[];
      affected.push(store.records[chain[chain.length - 1]].teamId);
      chain.push(index);
      store.rootIndex.push(root);
      if (record.kind !== VOID) {
        addToTeam(store, record.teamId, index);
        affected.push(record.teamId);
      }
    }
  } else if (record.kind === VOID) {
    store.rootIndex.push(-1);
    store.warnings.push({ index, warning: voidWithoutTargetWarning(record) });
  } else {
    store.rootIndex.push(index);
    store.members.set(index, [index]);
    addToTeam(store, record.teamId, index);
    affected.push(record.teamId);
  }
  return { kind: 'appended', view: { store, count: index + 1 }, affected };
}

function addToTeam(store: LedgerStore, teamId: string | null, index: number): void {
  const list = store.byTeam.get(teamId);
  if (list) list.push(index);
  else store.byTeam.set(teamId, [index]);
}

function headOf(view: LedgerView, root: number): number {
  const chain = view.store.members.get(root) as number[];
  let i = chain.length - 1;
  while (chain[i] >= view.count) i--;
  return chain[i];
}

function effectiveOfRoot(view: LedgerView, root: number): EffectiveEntry | null {
  const record = view.store.records[headOf(view, root)];
  if (record.kind === VOID) return null;
  const first = view.store.records[root];
  return { record, rootId: first.id, rootSeq: first.seq };
}

/** The counted entries whose newest version names `teamId`, ordered by their chain's first seq. */
export function effectiveOfTeam(view: LedgerView, teamId: string | null): EffectiveEntry[] {
  const indices = view.store.byTeam.get(teamId);
  if (!indices) return [];
  const roots = new Set<number>();
  for (const index of indices) {
    if (index >= view.count) break;
    roots.add(view.store.rootIndex[index]);
  }
  const out: EffectiveEntry[] = [];
  for (const root of [...roots].sort((a, b) => a - b)) {
    const entry = effectiveOfRoot(view, root);
    if (entry && entry.record.teamId === teamId) out.push(entry);
  }
  return out;
}

/** Every counted entry of the category, ordered by chain's first seq. */
export function allEffective(view: LedgerView): EffectiveEntry[] {
  const out: EffectiveEntry[] = [];
  for (const root of view.store.members.keys()) {
    if (root >= view.count) break;
    const entry = effectiveOfRoot(view, root);
    if (entry) out.push(entry);
  }
  return out;
}

/** Team keys (including null) that some visible record names. */
export function teamKeys(view: LedgerView): (string | null)[] {
  const out: (string | null)[] = [];
  for (const [team, indices] of view.store.byTeam) if (indices[0] < view.count) out.push(team);
  return out;
}

export function ledgerWarnings(view: LedgerView): EntryWarning[] {
  return view.store.warnings.filter((w) => w.index < view.count).map((w) => w.warning);
}
