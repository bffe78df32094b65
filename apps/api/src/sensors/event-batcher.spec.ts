import { EventBatcher } from './event-batcher';

describe('EventBatcher', () => {
  it('writes items that arrive together in one batch and answers each in order', async () => {
    const batches: number[][] = [];
    const sut = new EventBatcher<number, string>(async (items) => {
      batches.push(items);
      return items.map((item) => `stored ${item}`);
    }, { lingerMs: 5, maxBatch: 100 });
    const results = await Promise.all([1, 2, 3].map((item) => sut.push(item)));
    expect(results).toEqual(['stored 1', 'stored 2', 'stored 3']);
    expect(batches).toEqual([[1, 2, 3]]);
  });

  it('starts a new batch with what arrived during a write, and caps the size', async () => {
    const batches: number[][] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const sut = new EventBatcher<number, number>(async (items) => {
      batches.push(items);
      if (batches.length === 1) await gate;
      return items;
    }, { lingerMs: 1, maxBatch: 2 });
    const first = [sut.push(1), sut.push(2)];
    await new Promise((resolve) => setTimeout(resolve, 5));
    const later = [sut.push(3), sut.push(4), sut.push(5)];
    release();
    await Promise.all([...first, ...later]);
    expect(batches).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('with no linger, still writes what was pushed in the same turn together', async () => {
    const batches: number[][] = [];
    const sut = new EventBatcher<number, number>(async (items) => {
      batches.push(items);
      return items;
    }, { lingerMs: 0, maxBatch: 10 });
    await Promise.all([sut.push(1), sut.push(2)]);
    await sut.push(3);
    expect(batches).toEqual([[1, 2], [3]]);
  });

  it('rejects every item of a failed batch and keeps working', async () => {
    let fail = true;
    const sut = new EventBatcher<number, number>(async (items) => {
      if (fail) throw new Error('disk full');
      return items;
    }, { lingerMs: 1, maxBatch: 10 });
    await expect(sut.push(1)).rejects.toThrow('disk full');
    fail = false;
    await expect(sut.push(2)).resolves.toBe(2);
    await sut.drain();
  });
});
