/**
 * @jest-environment node
 */
import { IDBFactory } from 'fake-indexeddb';
import { indexedDbLiveMatchStore, type LiveMatch } from './live-match-store';

const match: LiveMatch = {
  key: 'category-1/G1-1',
  base: 'null',
  events: [
    { type: 'point', side: 'a' },
    { type: 'warning', side: 'b' },
  ],
  clock: { usedMs: 0, runningSince: 1_765_000_000_000 },
  savedAt: '2026-12-06T03:00:00.000Z',
};

describe('the live sumo match kept in IndexedDB', () => {
  it('is read back by a new page (a new store on the same database) and forgotten when recorded', async () => {
    const factory = new IDBFactory();
    await indexedDbLiveMatchStore(factory).put(match);
    const reloaded = indexedDbLiveMatchStore(factory);
    expect(await reloaded.get(match.key)).toEqual(match);
    expect(await reloaded.get('category-1/G1-2')).toBeNull();
    await reloaded.remove(match.key);
    expect(await indexedDbLiveMatchStore(factory).get(match.key)).toBeNull();
  });
});
