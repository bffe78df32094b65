import { act, render } from '@testing-library/react';
import type { JudgeMe } from '@olympiad/contracts';
import { createSessionStore } from './session-store';
import { SERVER_RECHECK_MS, useJudgeSession, useSessionState } from './use-judge-session';

const me: JudgeMe = {
  role: 'judge',
  judge: { id: 'j1', name: 'Асан', role: 'judge', stageId: 's1', stageName: 'Ақмола' },
  assignments: { categories: [], fields: [] },
};

function Probe({
  fetch,
  seen,
}: {
  fetch: typeof globalThis.fetch;
  seen: (offline: boolean) => void;
}) {
  const session = useJudgeSession(createSessionStore(window.localStorage), fetch);
  const state = useSessionState(session);
  seen(state.phase === 'signed-in' && state.offline);
  return null;
}

describe('the judge session with the venue server unreachable while the Wi-Fi stays up', () => {
  beforeEach(() => {
    jest.useFakeTimers();
    window.localStorage.clear();
    window.localStorage.setItem(
      'olympiad.judge.session',
      JSON.stringify({ token: 'tok', me, savedAt: '2026-12-05T09:00:00Z' }),
    );
  });
  afterEach(() => jest.useRealTimers());

  it('asks the server again until it answers, though the browser never goes offline and back', async () => {
    let serverUp = false;
    const fetch = jest.fn(async () => {
      if (!serverUp) throw new TypeError('Failed to fetch');
      return { ok: true, status: 200, text: async () => JSON.stringify(me) } as Response;
    });
    let offline: boolean | undefined;
    render(
      <Probe
        fetch={fetch as unknown as typeof globalThis.fetch}
        seen={(value) => (offline = value)}
      />,
    );
    await act(async () => undefined);
    expect(offline).toBe(true);

    await act(async () => jest.advanceTimersByTime(SERVER_RECHECK_MS));
    expect(offline).toBe(true);

    serverUp = true;
    await act(async () => jest.advanceTimersByTime(SERVER_RECHECK_MS));
    expect(offline).toBe(false);
    const calls = fetch.mock.calls.length;

    // Once it answered, nothing more is asked until the next start or `online` event.
    await act(async () => jest.advanceTimersByTime(5 * SERVER_RECHECK_MS));
    expect(fetch.mock.calls.length).toBe(calls);
  });
});
