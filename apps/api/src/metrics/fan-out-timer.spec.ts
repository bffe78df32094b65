import { FanOutTimer, liveFanOutSeconds } from './fan-out-timer';

async function observed() {
  const values = (await liveFanOutSeconds.get()).values;
  const value = (name: string) => values.find((entry) => entry.metricName === name)?.value ?? 0;
  return {
    count: value('olympiad_live_fanout_seconds_count'),
    sum: value('olympiad_live_fanout_seconds_sum'),
  };
}

describe('FanOutTimer', () => {
  let now = 0;
  const timer = new FanOutTimer(() => now);
  beforeEach(() => liveFanOutSeconds.reset());

  it('times a delta from its commit to its broadcast', async () => {
    now = 1_000;
    timer.committed('c1');
    now = 1_004;
    timer.broadcast('c1');
    expect(await observed()).toEqual({ count: 1, sum: 0.004 });
  });

  it('times merged deltas once, from the oldest commit', async () => {
    now = 2_000;
    timer.committed('c1');
    now = 2_030;
    timer.committed('c1');
    now = 2_100;
    timer.broadcast('c1');
    expect(await observed()).toEqual({ count: 1, sum: 0.1 });
  });

  it('does not time a broadcast without a commit, nor a wait a snapshot replaced', async () => {
    timer.broadcast('c2');
    now = 3_000;
    timer.committed('c3');
    timer.forget('c3');
    now = 3_500;
    timer.broadcast('c3');
    expect(await observed()).toEqual({ count: 0, sum: 0 });
  });
});
