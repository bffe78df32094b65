/**
 * @jest-environment node
 */
import {
  type HeldEntry,
  type HoldEntry,
  type JsonRoute,
  type LedgerEntryInput,
  routePath,
} from '@olympiad/contracts';
import { ApiError, type ApiClient } from '@olympiad/ui';
import { IDBFactory } from 'fake-indexeddb';
import { Outbox, unsentItems } from './outbox';
import { indexedDbOutboxStore, memoryOutboxStore, type OutboxStore } from './outbox-store';

function entry(id: string): LedgerEntryInput {
  return {
    id,
    categoryId: '00000000-0000-4000-8000-000000000001',
    teamId: null,
    kind: 'maze.attempt',
    payload: { attempt: 1 },
    supersedes: null,
    reason: null,
    recordedAt: '2026-12-05T09:00:00.000Z',
    deviceId: null,
  };
}

/**
 * A server that stores each entry id once, can be switched off or made to refuse, and keeps a
 * review queue of held entries the way the API does (idempotent on the entry id).
 */
/** The fake's handlers, by the path a route call fills in. */
interface ByPath {
  post(path: string, body: unknown): Promise<unknown>;
  get(path: string): Promise<unknown>;
}

function fakeServer() {
  const byPath = () => server.api as unknown as ByPath;
  const stored: string[] = [];
  const queue = new Map<string, HeldEntry>();
  const holds: string[] = [];
  const server = {
    stored,
    queue,
    /** Every POST /api/held-entries that reached the server, repeats included. */
    holds,
    /** Every POST /api/ledger that reached the server, repeats included. */
    ledgerPosts: [] as string[],
    reachable: true,
    /** The queue alone can be out of reach (the Wi-Fi dropped between the refusal and the handover). */
    queueReachable: true,
    beforeHold: (_id: string): void => undefined,
    locked: false,
    settle(id: string, action: 'accept' | 'dismiss', reason: string) {
      const held = queue.get(id) as HeldEntry;
      if (action === 'accept') stored.push(id);
      queue.set(id, {
        ...held,
        status: action === 'accept' ? 'accepted' : 'dismissed',
        resolution: {
          action,
          reason,
          by: { id: 'head', name: 'Гүлнар' },
          at: '2026-12-05T10:00:00.000Z',
        },
      });
    },
    api: {
      // Route calls go to the same handlers as the path-based ones, by the path they fill in.
      call: async (
        route: JsonRoute,
        input: { params?: Record<string, string>; query?: unknown; body?: unknown } = {},
      ) =>
        route.method === 'POST'
          ? byPath().post(routePath(route, input), input.body)
          : byPath().get(routePath(route, input)),
      post: async (path: string, body: unknown) => {
        if (!server.reachable) throw new ApiError(0, 'errors.network', 'Failed to fetch');
        if (path === '/api/held-entries') {
          if (!server.queueReachable) throw new ApiError(0, 'errors.network', 'Failed to fetch');
          const { entry, refusal } = body as HoldEntry;
          server.beforeHold(entry.id);
          holds.push(entry.id);
          if (stored.includes(entry.id))
            throw new ApiError(409, 'held.alreadyRecorded', 'in the ledger');
          if (!queue.has(entry.id)) {
            queue.set(entry.id, {
              id: entry.id,
              stageId: 'stage-1',
              categoryId: entry.categoryId,
              categoryName: 'Лабиринт 3–4',
              teamId: entry.teamId,
              teamName: null,
              entry,
              refusal,
              heldBy: { id: 'judge-1', name: 'Асқар' },
              heldAt: '2026-12-05T09:01:00.000Z',
              status: 'open',
              resolution: null,
            });
          }
          return queue.get(entry.id);
        }
        const id = (body as LedgerEntryInput).id;
        server.ledgerPosts.push(id);
        // An entry the head judge accepted is in the ledger: the resend is a duplicate, not refused.
        if (stored.includes(id)) return {};
        if (server.locked) throw new ApiError(409, 'ledger.categoryLocked', 'locked');
        stored.push(id);
        return {};
      },
      get: async (path: string) => {
        if (!server.reachable) throw new ApiError(0, 'errors.network', 'Failed to fetch');
        expect(path).toBe('/api/stages/stage-1/held-entries?status=all');
        return [...queue.values()];
      },
    } as unknown as ApiClient,
  };
  return server;
}

describe('Outbox', () => {
  it('keeps entries while offline, and a new outbox on the same store sends each once', async () => {
    const store = memoryOutboxStore();
    const server = fakeServer();
    server.reachable = false;
    const sut = new Outbox(store, server.api, 'judge-1');
    await sut.add(entry('a'), 'A');
    await sut.add(entry('b'), 'B');
    await sut.flush();
    expect(sut.getState().unreachable).toBe(true);
    expect((await store.all()).map((item) => item.id)).toEqual(['a', 'b']);

    // The page is reloaded and the connection is back.
    server.reachable = true;
    const reloaded = new Outbox(store, server.api, 'judge-1');
    await reloaded.start();
    reloaded.stop();
    sut.stop();
    expect(server.stored).toEqual(['a', 'b']);
    expect(await store.all()).toEqual([]);
    expect(reloaded.getState()).toMatchObject({ items: [], acknowledged: 2, unreachable: false });
  });

  it('holds an entry the server refuses, with the reason, and sends it again on request', async () => {
    const store = memoryOutboxStore();
    const server = fakeServer();
    server.locked = true;
    const sut = new Outbox(store, server.api, 'judge-1');
    await sut.add(entry('a'), 'A');
    await sut.flush();
    const [held] = await store.all();
    expect(held).toMatchObject({
      id: 'a',
      state: 'held',
      problem: { status: 409, key: 'ledger.categoryLocked' },
    });

    server.locked = false;
    await sut.retry('a');
    expect(server.stored).toEqual(['a']);
    expect(await store.all()).toEqual([]);
  });

  it('sends only the signed-in judge’s entries', async () => {
    const store = memoryOutboxStore();
    const server = fakeServer();
    await new Outbox(
      store,
      {
        post: async () => {
          throw new ApiError(0, 'errors.network', 'x');
        },
      } as unknown as ApiClient,
      'judge-1',
    ).add(entry('mine'), 'M');
    const other = new Outbox(store, server.api, 'judge-2');
    await other.start();
    other.stop();
    expect(server.stored).toEqual([]);
    expect((await store.all()).map((item) => item.judgeId)).toEqual(['judge-1']);
  });

  it('keeps items in IndexedDB in the order they were made', async () => {
    const store: OutboxStore = indexedDbOutboxStore(new IDBFactory());
    const server = fakeServer();
    server.reachable = false;
    const sut = new Outbox(store, server.api, 'judge-1');
    for (const id of ['c', 'a', 'b']) await sut.add(entry(id), id);
    await sut.flush();
    expect((await store.all()).map((item) => item.id)).toEqual(['c', 'a', 'b']);
    server.reachable = true;
    await sut.flush();
    expect(server.stored).toEqual(['c', 'a', 'b']);
    expect(await store.all()).toEqual([]);
  });
  it('hands a refused entry to the head judge once, remembered in IndexedDB, and clears it once accepted', async () => {
    const factory = new IDBFactory();
    const server = fakeServer();
    server.locked = true;
    const sut = new Outbox(indexedDbOutboxStore(factory), server.api, 'judge-1');
    await sut.add(entry('a'), 'A');
    await sut.flush();
    await sut.flush();
    expect(server.holds).toEqual(['a']);
    expect(server.queue.get('a')?.refusal).toEqual({
      key: 'ledger.categoryLocked',
      message: 'locked',
    });
    // A reload reads the handover from IndexedDB and does not hand the entry over again.
    const reloaded = new Outbox(indexedDbOutboxStore(factory), server.api, 'judge-1');
    await reloaded.start();
    reloaded.stop();
    const [kept] = reloaded.getState().items;
    expect(kept).toMatchObject({
      id: 'a',
      state: 'held',
      handover: { state: 'sent', stageId: 'stage-1' },
    });
    expect(server.holds).toEqual(['a']);
    expect(unsentItems(reloaded.getState().items, 'judge-1')).toEqual([]);

    // The head judge accepts it (the category is still locked): the next look clears it.
    server.settle('a', 'accept', 'Робот фиништеді, видео бар');
    await reloaded.flush();
    expect(reloaded.getState()).toMatchObject({ items: [], acknowledged: 1 });
    expect(await indexedDbOutboxStore(factory).all()).toEqual([]);
    expect(server.stored).toEqual(['a']);
  });

  it('hands a held entry over when the connection returns, and counts it as unsent until then', async () => {
    const store = memoryOutboxStore();
    const server = fakeServer();
    server.locked = true;
    const sut = new Outbox(store, server.api, 'judge-1');
    await sut.add(entry('a'), 'A');
    // Refused while online, then the Wi-Fi drops before the handover is made.
    server.queueReachable = false;
    await sut.flush();
    expect(sut.getState().unreachable).toBe(true);
    expect((await store.all())[0]).toMatchObject({ state: 'held', handover: null });
    expect(unsentItems(sut.getState().items, 'judge-1').map((item) => item.id)).toEqual(['a']);
    expect(server.holds).toEqual([]);

    const online = fakeServer();
    online.locked = true;
    const later = new Outbox(store, online.api, 'judge-1');
    await later.start();
    later.stop();
    expect(online.holds).toEqual(['a']);
    expect((await store.all())[0]).toMatchObject({ state: 'held', handover: { state: 'sent' } });
  });

  it('shows the head judge’s dismissal and lets the judge remove only a dismissed entry', async () => {
    const store = memoryOutboxStore();
    const server = fakeServer();
    server.locked = true;
    const sut = new Outbox(store, server.api, 'judge-1');
    await sut.add(entry('a'), 'A');
    await sut.add(entry('b'), 'B');
    await sut.flush();
    server.settle('a', 'dismiss', 'Команда келмеді');
    await sut.flush();
    expect((await store.all()).map((item) => [item.id, item.state, item.handover?.state])).toEqual([
      ['a', 'held', 'dismissed'],
      ['b', 'held', 'sent'],
    ]);
    expect(sut.getState().items[0].handover).toMatchObject({
      by: 'Гүлнар',
      reason: 'Команда келмеді',
    });

    await sut.discard('b');
    await sut.discard('a');
    expect((await store.all()).map((item) => item.id)).toEqual(['b']);
    expect(server.stored).toEqual([]);
    sut.stop();
  });

  it('resends instead of handing over when the ledger already has the entry', async () => {
    const store = memoryOutboxStore();
    const server = fakeServer();
    server.locked = true;
    const sut = new Outbox(store, server.api, 'judge-1');
    await sut.add(entry('a'), 'A');
    // The refusal reached the tablet, but meanwhile the entry got into the ledger another way.
    server.beforeHold = (id) => void server.stored.push(id);
    await sut.flush();
    expect(await store.all()).toEqual([]);
    expect(sut.getState().acknowledged).toBe(1);
  });

  it('resends an accepted entry once, not in a loop, should the ledger still refuse it', async () => {
    const server = fakeServer();
    server.locked = true;
    const sut = new Outbox(memoryOutboxStore(), server.api, 'judge-1');
    await sut.add(entry('a'), 'A');
    await sut.flush();
    server.settle('a', 'accept', 'ok');
    server.stored.splice(0); // a server that lost it: the resend is refused again
    await sut.flush();
    await sut.flush();
    expect(server.ledgerPosts).toEqual(['a', 'a']);
    expect(sut.getState().items[0]).toMatchObject({ state: 'held', handover: { state: 'sent' } });
  });
});
