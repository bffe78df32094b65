import { RecentReads } from './recent-reads';

describe('RecentReads', () => {
  let clock = 0;
  const reads = () => new RecentReads<string>(3_000, () => clock);
  beforeEach(() => (clock = 0));

  it('shares one read among the callers of a key within the time, the read in flight too', async () => {
    const recent = reads();
    const load = jest.fn(async () => 'queues');
    const first = recent.read('stage-1', load);
    clock = 2_999;
    const second = recent.read('stage-1', load);
    expect(await Promise.all([first, second])).toEqual(['queues', 'queues']);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('reads again once the time is up, and apart for another key', async () => {
    const recent = reads();
    const load = jest.fn(async () => 'queues');
    await recent.read('stage-1', load);
    await recent.read('stage-2', load);
    clock = 3_000;
    await recent.read('stage-1', load);
    expect(load).toHaveBeenCalledTimes(3);
  });

  it('does not keep a failed read', async () => {
    const recent = reads();
    await expect(
      recent.read('stage-1', async () => Promise.reject(new Error('away'))),
    ).rejects.toThrow('away');
    await expect(recent.read('stage-1', async () => 'queues')).resolves.toBe('queues');
  });
});
