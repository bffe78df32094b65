import { KeyedQueue } from './keyed-queue';

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('KeyedQueue', () => {
  it('runs tasks of one key strictly one after another', async () => {
    const sut = new KeyedQueue();
    const log: string[] = [];
    const task = (name: string) => async () => {
      log.push(`${name}:start`);
      await tick();
      log.push(`${name}:end`);
    };
    await Promise.all([sut.run('a', task('1')), sut.run('a', task('2'))]);
    expect(log).toEqual(['1:start', '1:end', '2:start', '2:end']);
  });

  it('lets different keys overlap and keeps going after a failed task', async () => {
    const sut = new KeyedQueue();
    const log: string[] = [];
    const failing = sut.run('a', async () => {
      log.push('a1');
      await tick();
      throw new Error('boom');
    });
    const other = sut.run('b', async () => log.push('b1'));
    const after = sut.run('a', async () => log.push('a2'));
    await expect(failing).rejects.toThrow('boom');
    await Promise.all([other, after]);
    expect(log).toEqual(['a1', 'b1', 'a2']);
  });
});
