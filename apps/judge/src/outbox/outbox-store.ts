import type { LedgerEntryInput } from '@olympiad/contracts';
import { indexedDbStore, type IndexedDbStoreSpec } from '../storage/indexed-db';

/**
 * An entry the judge made, kept on the tablet until the server has acknowledged it. `pending`:
 * waiting to be sent; `held`: the server refused it for a reason a person must look at (the
 * category was locked meanwhile, the entry does not fit the rules). Held entries are never
 * dropped: each is handed to the head judge's review queue and stays until it is sent again (or
 * the head judge accepted it) or the judge removes it after the head judge dismissed it.
 */
export interface OutboxItem {
  id: string;
  entry: LedgerEntryInput;
  /** The judge who made the entry; only their own sign-in sends it. */
  judgeId: string;
  state: 'pending' | 'held';
  problem: { status: number; key: string; message: string } | null;
  createdAt: string;
  /** Sending order: entries go to the server in the order they were made (sumo rounds depend on it). */
  order: number;
  /** A short human description for the outbox list ("Қыран 1 · attempt 2"). */
  label: string;
  /**
   * A held entry handed to the head judge's review queue (`POST /api/held-entries`), done once
   * and remembered here across reloads. Absent (items stored before there was a queue) or null:
   * not handed over yet.
   */
  handover?: Handover | null;
}

export type Handover =
  /** The head judge has it; `stageId` is where the tablet asks what became of it. */
  | { state: 'sent'; at: string; stageId: string }
  /** The head judge dismissed it, with a reason. (Accepted entries are resent and leave the outbox.) */
  | { state: 'dismissed'; at: string; stageId: string; by: string; reason: string }
  /** The server would not take it into the queue either; a person must look. */
  | { state: 'refused'; problem: { status: number; key: string; message: string } };

/** Where outbox items live. The browser's is IndexedDB; tests may use memory. */
export interface OutboxStore {
  all(): Promise<OutboxItem[]>;
  put(item: OutboxItem): Promise<void>;
  remove(id: string): Promise<void>;
}

const DATABASE: IndexedDbStoreSpec = {
  database: 'olympiad-judge',
  version: 1,
  store: 'outbox',
  keyPath: 'id',
};

/** The outbox in IndexedDB, keyed by the entry UUID; each write is its own committed transaction. */
export function indexedDbOutboxStore(factory: IDBFactory = indexedDB): OutboxStore {
  const run = indexedDbStore(factory, DATABASE);
  return {
    all: async () => {
      const items = await run('readonly', (store) => store.getAll() as IDBRequest<OutboxItem[]>);
      return items.sort((a, b) => a.order - b.order);
    },
    put: async (item) => {
      await run('readwrite', (store) => store.put(item));
    },
    remove: async (id) => {
      await run('readwrite', (store) => store.delete(id));
    },
  };
}

export function memoryOutboxStore(): OutboxStore {
  const items = new Map<string, OutboxItem>();
  return {
    all: async () => [...items.values()].sort((a, b) => a.order - b.order),
    put: async (item) => void items.set(item.id, JSON.parse(JSON.stringify(item)) as OutboxItem),
    remove: async (id) => void items.delete(id),
  };
}
