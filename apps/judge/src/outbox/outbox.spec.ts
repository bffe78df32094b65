/**
 * @jest-environment node
 */
import type { LedgerEntryInput } from '@olympiad/contracts';
import { ApiError, type ApiClient } from '@olympiad/ui';
import { IDBFactory } from 'fake-indexeddb';
import { Outbox } from './outbox';
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

/** A server that stores each entry id once and can be switched off or made to refuse. */
function fakeServer() {
  const stored: string[] = [];
  const server = {
    stored,
    reachable: true,
    locked: false,
    api: {
      post: async (_path: string, body: unknown) => {
        if (!server.reachable) throw new ApiError(0, 'errors.network', 'Failed to fetch');
        if (server.locked) throw new ApiError(409, 'ledger.categoryLocked', 'locked');
        const id = (body as LedgerEntryInput).id;
        if (!stored.includes(id)) stored.push(id);
        return {};
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
});
