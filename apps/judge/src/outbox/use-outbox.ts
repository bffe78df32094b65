import type { ApiClient } from '@olympiad/ui';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { Outbox, type OutboxState } from './outbox';
import { indexedDbOutboxStore, memoryOutboxStore, type OutboxStore } from './outbox-store';

function browserOutboxStore(): OutboxStore {
  return typeof indexedDB === 'undefined' ? memoryOutboxStore() : indexedDbOutboxStore();
}

/** The signed-in judge's outbox, started at once and flushed whenever the device is back online. */
export function useOutboxFor(api: ApiClient, judgeId: string, store?: OutboxStore): Outbox {
  const [outbox] = useState(() => new Outbox(store ?? browserOutboxStore(), api, judgeId));
  useEffect(() => {
    void outbox.start();
    window.addEventListener('online', outbox.flush);
    return () => {
      window.removeEventListener('online', outbox.flush);
      outbox.stop();
    };
  }, [outbox]);
  return outbox;
}

export function useOutboxState(outbox: Outbox): OutboxState {
  return useSyncExternalStore(outbox.subscribe, outbox.getState, outbox.getState);
}
