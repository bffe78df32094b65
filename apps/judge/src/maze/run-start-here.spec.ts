import type { RunState } from '@olympiad/contracts';
import { runStartHere } from './use-field-run';

const running = (
  startedAt: string,
  serverNow?: string,
): Extract<RunState, { state: 'running' }> => ({
  fieldId: 'f',
  state: 'running',
  runId: 'r',
  categoryId: 'c',
  teamId: 't',
  attempt: 1,
  armedAt: '2026-12-06T10:00:00.000Z',
  startedAt,
  ...(serverNow ? { serverNow } : {}),
});

describe('where the tablet counts a running clock from (docs/results-display.md#the-field-clock)', () => {
  const startedAt = '2026-12-06T10:00:10.000Z';
  const serverNow = Date.parse('2026-12-06T10:00:12.500Z'); // the run has gone 2.5 s

  it.each([
    ['right', 0],
    ['5 s behind', -5_000],
    ['90 s ahead', 90_000],
  ])('shows the server’s elapsed time with a tablet clock %s', (_name, skew) => {
    const perf = 1_000_000;
    const start = runStartHere(
      running(startedAt, new Date(serverNow).toISOString()),
      serverNow + skew,
      perf,
    );
    expect(perf - start).toBe(2_500);
  });

  it('falls back to its own clock from a server that does not send its time', () => {
    const start = runStartHere(running(startedAt), serverNow - 1_000, 500_000);
    expect(500_000 - start).toBe(1_500);
  });

  it('never counts from before the start, whatever the clocks say', () => {
    const start = runStartHere(
      running(startedAt, '2026-12-06T10:00:09.000Z'),
      Date.parse('2026-12-06T10:00:09.000Z'),
      700,
    );
    expect(start).toBe(700);
  });
});
