import { useEffect, useState, useSyncExternalStore } from 'react';
import { JudgeSession } from './judge-session';
import type { SessionStore } from './session-store';

/** How often a session that could not reach the server asks again. */
export const SERVER_RECHECK_MS = 10_000;

/**
 * The app's one JudgeSession: checked with the server at start, whenever the device is back
 * online, and every few seconds while the last check found no server. The last is for the laptop
 * that left the router while the tablet's Wi-Fi stayed up: its return fires no `online` event.
 */
export function useJudgeSession(store: SessionStore, fetchImpl?: typeof fetch): JudgeSession {
  const [session] = useState(() => new JudgeSession(store, fetchImpl));
  useEffect(() => {
    void session.check();
    window.addEventListener('online', session.check);
    const recheck = setInterval(() => {
      const state = session.getState();
      if (state.phase === 'signed-in' && state.offline) void session.check();
    }, SERVER_RECHECK_MS);
    return () => {
      window.removeEventListener('online', session.check);
      clearInterval(recheck);
    };
  }, [session]);
  return session;
}

export function useSessionState(session: JudgeSession) {
  return useSyncExternalStore(session.subscribe, session.getState, session.getState);
}
