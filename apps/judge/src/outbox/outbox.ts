import { type HeldEntry, type HoldEntry, type LedgerEntryInput, routes } from '@olympiad/contracts';
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

/** The head judge's queue has the entry (or has dismissed it). */
export function isHandedOver(item: OutboxItem): boolean {
  return item.handover?.state === 'sent' || item.handover?.state === 'dismissed';
}

/** A held entry still to be handed to the head judge (retried until the server answers). */
function needsHandover(item: OutboxItem): boolean {
  return item.state === 'held' && !item.handover;
}

/** Entries of this judge that neither the server nor the head judge has: signing out leaves them here. */
export function unsentItems(items: readonly OutboxItem[], judgeId: string): OutboxItem[] {
  return items.filter(
    (item) =>
      item.judgeId === judgeId &&
      (item.state === 'pending' || (item.state === 'held' && !isHandedOver(item))),
  );
}

/**
 * Every entry the tablet makes goes through here: first into the store (IndexedDB), then to
 * `POST /api/ledger` in the order made. The server is idempotent on the entry UUID, so a resend
 * after a lost answer stores nothing twice. No connection: the items wait and are sent again on
 * `online`, every few seconds, and at the next start. A refusal (category locked, invalid entry)
 * holds the item with the server's reason; it is never dropped: it is handed to the head judge's
 * review queue (`POST /api/held-entries`, once, remembered on the item), and the tablet asks now
 * and then what became of it. Accepted: the entry is resent and the ledger answers that it has
 * it. Dismissed: the item shows the head judge's reason.
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
  /** Accepted entries resent once already: a refusal then waits for the judge, not another loop. */
  private readonly resentAccepted = new Set<string>();

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
      const due = this.state.items.some(
        (item) =>
          this.mine(item) &&
          (item.state === 'pending' || needsHandover(item) || item.handover?.state === 'sent'),
      );
      if (due) void this.flush();
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
      handover: null,
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

  /**
   * Removes an item the head judge dismissed (the server keeps it in the queue's history). Any
   * other item stays: only a person's decision on the server lets a tablet forget an entry.
   */
  async discard(id: string): Promise<void> {
    const item = this.state.items.find((candidate) => candidate.id === id);
    if (item?.handover?.state !== 'dismissed') return;
    await this.store.remove(id);
    this.set({ items: this.state.items.filter((other) => other.id !== id) });
  }

  /**
   * Sends every pending item of this judge, in order, then hands held items to the head judge
   * and looks up the ones handed over; stops at the first missing connection.
   */
  flush = (): Promise<void> => {
    if (this.flushing) {
      this.again = true;
      return this.flushing;
    }
    this.flushing = (async () => {
      do {
        this.again = false;
        await this.sendPending();
        if (!this.state.unreachable) await this.handOver();
        if (!this.state.unreachable) await this.checkHandedOver();
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
        await this.api.call(routes.ledger.record, { body: item.entry });
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

  /** Gives each held item of this judge to the head judge's review queue, once. */
  private async handOver(): Promise<void> {
    for (const item of this.state.items.filter(
      (other) => this.mine(other) && needsHandover(other),
    )) {
      if (!item.problem) continue;
      const body: HoldEntry = {
        entry: item.entry,
        refusal: { key: item.problem.key, message: item.problem.message.slice(0, 500) },
      };
      try {
        const held = await this.api.call(routes.heldEntries.hold, { body });
        await this.update(item.id, {
          handover: { state: 'sent', at: new Date().toISOString(), stageId: held.stageId },
        });
      } catch (error) {
        if (error instanceof ApiError && error.key === 'held.alreadyRecorded') {
          // The ledger has it after all (sent again meanwhile): resending clears the item.
          await this.update(item.id, { state: 'pending', problem: null });
          this.again = true;
          continue;
        }
        if (error instanceof ApiError && isHeldRefusal(error)) {
          await this.update(item.id, {
            handover: {
              state: 'refused',
              problem: { status: error.status, key: error.key, message: error.message },
            },
          });
          continue;
        }
        this.set({ unreachable: error instanceof ApiError && error.status === 0 });
        return;
      }
    }
  }

  /** Asks the review queue what became of the items handed over: accepted ones are resent. */
  private async checkHandedOver(): Promise<void> {
    const waiting = this.state.items.filter(
      (item) => this.mine(item) && item.state === 'held' && item.handover?.state === 'sent',
    );
    const stages = new Set(
      waiting.flatMap((item) => (item.handover?.state === 'sent' ? [item.handover.stageId] : [])),
    );
    for (const stageId of stages) {
      let queue: HeldEntry[];
      try {
        queue = await this.api.call(routes.heldEntries.list, {
          params: { stageId },
          query: { status: 'all' },
        });
      } catch (error) {
        this.set({ unreachable: error instanceof ApiError && error.status === 0 });
        return;
      }
      const byId = new Map(queue.map((held) => [held.id, held]));
      for (const item of waiting) {
        const held = byId.get(item.id);
        if (!held?.resolution || item.handover?.state !== 'sent') continue;
        if (held.status === 'accepted') {
          if (this.resentAccepted.has(item.id)) continue;
          this.resentAccepted.add(item.id);
          // The ledger has it now: the resend gets "already stored" and the item leaves.
          await this.update(item.id, { state: 'pending', problem: null });
          this.again = true;
        } else if (held.status === 'dismissed') {
          await this.update(item.id, {
            handover: {
              ...item.handover,
              state: 'dismissed',
              at: held.resolution.at,
              by: held.resolution.by.name,
              reason: held.resolution.reason,
            },
          });
        }
      }
    }
  }

  private async update(id: string, patch: Partial<OutboxItem>): Promise<void> {
    const item = this.state.items.find((candidate) => candidate.id === id);
    if (!item) return;
    const next: OutboxItem = { ...item, ...patch };
    await this.store.put(next);
    this.replace(next);
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
