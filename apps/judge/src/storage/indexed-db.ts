/** The judge tablet's IndexedDB plumbing, shared by its stores (the outbox, the live sumo match). */

/** One object store in a database of its own, opened on first use. */
export interface IndexedDbStoreSpec {
  /** Stores already on tablets keep their database's name and version, so their data stay readable. */
  database: string;
  version: number;
  store: string;
  keyPath: string;
}

/** Runs one request in its own transaction and resolves with its result once the transaction has committed. */
export type RunInStore = <T>(
  mode: IDBTransactionMode,
  action: (store: IDBObjectStore) => IDBRequest<T>,
) => Promise<T>;

function promised<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** The database is opened (and its store created) on the first request, then reused. */
export function indexedDbStore(factory: IDBFactory, spec: IndexedDbStoreSpec): RunInStore {
  let database: Promise<IDBDatabase> | null = null;
  const db = () => {
    if (!database) {
      const request = factory.open(spec.database, spec.version);
      request.onupgradeneeded = () => {
        request.result.createObjectStore(spec.store, { keyPath: spec.keyPath });
      };
      database = promised(request);
    }
    return database;
  };
  return async (mode, action) => {
    const transaction = (await db()).transaction(spec.store, mode);
    const result = promised(action(transaction.objectStore(spec.store)));
    await new Promise<void>((resolve, reject) => {
      transaction.oncomplete = () => resolve();
      transaction.onerror = () => reject(transaction.error);
      transaction.onabort = () => reject(transaction.error);
    });
    return result;
  };
}
