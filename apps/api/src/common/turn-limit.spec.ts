import { TurnLimit } from './turn-limit';

describe('TurnLimit', () => {
  it('runs at most the limit at once and starts the waiting ones in order', async () => {
    const limit = new TurnLimit(2);
    const release: (() => void)[] = [];
    const started: number[] = [];
    let running = 0;
    let most = 0;
    const tasks = [0, 1, 2, 3, 4].map((n) =>
      limit.run(async () => {
        started.push(n);
        most = Math.max(most, ++running);
        await new Promise<void>((resolve) => release.push(resolve));
        running--;
        return n;
      }),
    );
    for (let turn = 0; turn < 5; turn++) {
      await new Promise((resolve) => setImmediate(resolve));
      release.shift()?.();
    }
    expect(await Promise.all(tasks)).toEqual([0, 1, 2, 3, 4]);
    expect(started).toEqual([0, 1, 2, 3, 4]);
    expect(most).toBe(2);
  });

  it('frees the turn of a task that fails', async () => {
    const limit = new TurnLimit(1);
    await expect(limit.run(() => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
    await expect(limit.run(() => Promise.resolve('next'))).resolves.toBe('next');
  });
});
