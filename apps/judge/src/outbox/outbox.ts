import type { LedgerEntryInput } from '@olympiad/contracts';
import { ApiError, type ApiClient } from '@olympiad/ui';
import type { OutboxItem, OutboxStore } from './outbox-store';

export interface OutboxState {
  /** Every item not yet acknowledged by the server, in sending order. */
  items: OutboxItem[];
  syncing: boolean;
  /** The last attempt to reach the server failed for lack of a connection. */
  unreachable: boolean;
  /** Entries the server acknowledged since the app started (stored or already stored). */
  acknowledged: number;
  loaded: boolean;
}

/** A refusal a person must look at; the entry is held, not retried by itself. */
function isHeldRefusal(error: ApiError): boolean {
  return (
    error.status >= 400 &&
    error.status < 500 &&
    error.status !== 401 &&
    error.status !== 408 &&
    error.status !== 429
  );
}

const RETRY_MS = 10_000;

/**
 * Every entry the tablet makes goes through here: first into the store (IndexedDB), then to
 * `POST /api/ledger` in the order made. The server is idempotent on the entry UUID, so a resend
 * after a lost answer stores nothing twice. No connection: the items wait and are sent again on
 * `online`, every few seconds, and at the next start. A refusal (category locked, invalid entry)
 * holds the item with the server's reason; it is never dropped.
 */
export class Outbox {
  private state: OutboxState = {
    items: [],
    syncing: false,
    unreachable: false,
    acknowledged: 0,
    loaded: false,
  };
  private readonly listeners = new Set<() => void>();
  private flushing: Promise<void> | null = null;
  private again = false;
  private counter = 0;
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly store: OutboxStore,
    private readonly api: ApiClient,
    private readonly judgeId: string,
  ) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = (): OutboxState => this.state;

  /** Reads what an earlier run left and sends it; retries while anything waits. */
  async start(): Promise<void> {
    const items = await this.store.all();
    this.set({ items, loaded: true });
    this.timer ??= setInterval(() => {
      if (this.state.items.some((item) => this.mine(item) && item.state === 'pending'))
        void this.flush();
    }, RETRY_MS);
    await this.flush();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Keeps the entry on the tablet first, then tries to send it. Resolves once it is stored locally. */
  async add(entry: LedgerEntryInput, label: string): Promise<OutboxItem> {
    const item: OutboxItem = {
      id: entry.id,
      entry,
      judgeId: this.judgeId,
      state: 'pending',
      problem: null,
      createdAt: new Date().toISOString(),
      order: Date.now() * 1000 + (this.counter++ % 1000),
      label,
    };
    await this.store.put(item);
    this.set({ items: [...this.state.items.filter((other) => other.id !== item.id), item] });
    void this.flush();
    return item;
  }

  /** Sends a held item again (e.g. after the head judge unlocked the category). */
  async retry(id: string): Promise<void> {
    const item = this.state.items.find((candidate) => candidate.id === id);
    if (!item) return;
    const next: OutboxItem = { ...item, state: 'pending', problem: null };
    await this.store.put(next);
    this.replace(next);
    await this.flush();
  }

  /** Sends every pending item of this judge, in order; stops at the first missing connection. */
  flush = (): Promise<void> => {
    if (this.flushing) {
      this.again = true;
      return this.flushing;
    }
    this.flushing = (async () => {
      do {
        this.again = false;
        await this.sendPending();
      } while (this.again && !this.state.unreachable);
    })().finally(() => {
      this.flushing = null;
      this.set({ syncing: false });
    });
    return this.flushing;
  };

  private async sendPending(): Promise<void> {
    const pending = this.state.items.filter((item) => this.mine(item) && item.state === 'pending');
    if (pending.length === 0) return;
    this.set({ syncing: true });
    for (const item of pending) {
      try {
        await this.api.post('/api/ledger', item.entry);
        await this.store.remove(item.id);
        this.set({
          items: this.state.items.filter((other) => other.id !== item.id),
          unreachable: false,
          acknowledged: this.state.acknowledged + 1,
        });
      } catch (error) {
        if (error instanceof ApiError && isHeldRefusal(error)) {
          const held: OutboxItem = {
            ...item,
            state: 'held',
            problem: { status: error.status, key: error.key, message: error.message },
          };
          await this.store.put(held);
          this.replace(held);
          this.set({ unreachable: false });
          continue;
        }
        // No connection, a timeout, a server error or a lost sign-in: keep it and try later.
        this.set({ unreachable: error instanceof ApiError && error.status === 0 });
        return;
      }
    }
  }

  private mine(item: OutboxItem): boolean {
    return item.judgeId === this.judgeId;
  }

  private replace(item: OutboxItem): void {
    this.set({ items: this.state.items.map((other) => (other.id === item.id ? item : other)) });
  }

  private set(patch: Partial<OutboxState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }
}
