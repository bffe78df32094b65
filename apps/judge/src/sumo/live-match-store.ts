import type { SumoEvent } from '@olympiad/scoring';
import { indexedDbStore, type IndexedDbStoreSpec } from '../storage/indexed-db';
import type { ClockState } from './match-clock-state';

/**
 * A sumo match in progress on this tablet, kept until it is recorded: the events not yet sent
 * (on top of `base`, the rounds the ledger already has) and the match clock. A reload or a crash
 * of the tab brings it back (docs/judge-tablet.md).
 */
export interface LiveMatch {
  /** `categoryId/matchId`. */
  key: string;
  /** The rounds already recorded when the events were made (JSON of the match's live state). */
  base: string;
  events: SumoEvent[];
  clock: ClockState;
  savedAt: string;
}

export interface LiveMatchStore {
  get(key: string): Promise<LiveMatch | null>;
  put(match: LiveMatch): Promise<void>;
  remove(key: string): Promise<void>;
}

// A database of its own: the outbox's database keeps its version and its one store.
const DATABASE: IndexedDbStoreSpec = {
  database: 'olympiad-judge-live',
  version: 1,
  store: 'sumo-matches',
  keyPath: 'key',
};

/** Live matches in IndexedDB, keyed by category and match; each write is its own committed transaction. */
export function indexedDbLiveMatchStore(factory: IDBFactory = indexedDB): LiveMatchStore {
  const run = indexedDbStore(factory, DATABASE);
  return {
    get: async (key) =>
      ((await run('readonly', (store) => store.get(key))) as LiveMatch | undefined) ?? null,
    put: async (match) => {
      await run('readwrite', (store) => store.put(match));
    },
    remove: async (key) => {
      await run('readwrite', (store) => store.delete(key));
    },
  };
}

export function memoryLiveMatchStore(): LiveMatchStore {
  const matches = new Map<string, LiveMatch>();
  return {
    get: async (key) => {
      const match = matches.get(key);
      return match ? (JSON.parse(JSON.stringify(match)) as LiveMatch) : null;
    },
    put: async (match) => void matches.set(match.key, JSON.parse(JSON.stringify(match))),
    remove: async (key) => void matches.delete(key),
  };
}

let browserStore: LiveMatchStore | null = null;

/** The tablet's store: IndexedDB in a browser, memory where there is none (unit tests). */
export function liveMatchStore(): LiveMatchStore {
  browserStore ??=
    typeof indexedDB === 'undefined' ? memoryLiveMatchStore() : indexedDbLiveMatchStore();
  return browserStore;
}
