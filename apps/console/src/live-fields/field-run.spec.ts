import type { RunState } from '@olympiad/contracts';
import { formatRunningClock, nextLiveRun } from './field-run';

const base = { fieldId: 'f1', runId: 'r1', categoryId: 'c', teamId: 't', attempt: 1, armedAt: '2026-12-05T09:00:00.000Z' };

describe('a field run’s clock in the console', () => {
  it('counts from the moment this console saw the start, and keeps counting across updates', () => {
    const armed = nextLiveRun(undefined, { ...base, state: 'armed' } as RunState, 1_000, Date.parse('2026-12-05T09:00:05Z'));
    const running = { ...base, state: 'running', startedAt: '2026-12-05T09:00:03.000Z' } as RunState;
    // Seen armed first: the clock starts at receipt, whatever the two machines' clocks say.
    const started = nextLiveRun(armed, running, 2_000, Date.parse('2026-12-05T09:00:10Z'));
    expect(started.startedHere).toBe(2_000);
    expect(nextLiveRun(started, running, 9_000, 0).startedHere).toBe(2_000);
  });

  it('joining a run under way counts from the server’s start time', () => {
    const running = { ...base, state: 'running', startedAt: '2026-12-05T09:00:03.000Z' } as RunState;
    expect(nextLiveRun(undefined, running, 50_000, Date.parse('2026-12-05T09:00:10.000Z')).startedHere).toBe(43_000);
    expect(nextLiveRun(undefined, { ...base, state: 'idle' } as RunState, 1, 1).startedHere).toBeNull();
  });

  it('shows minutes, seconds and tenths', () => {
    expect(formatRunningClock(0)).toBe('0:00.0');
    expect(formatRunningClock(47_389)).toBe('0:47.3');
    expect(formatRunningClock(125_050)).toBe('2:05.0');
    expect(formatRunningClock(-20)).toBe('0:00.0');
  });
});
