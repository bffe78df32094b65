import { useEffect, useState, useSyncExternalStore } from 'react';
import { JudgeSession } from './judge-session';
import type { SessionStore } from './session-store';

/** The app's one JudgeSession: checked with the server at start and whenever the device is back online. */
export function useJudgeSession(store: SessionStore, fetchImpl?: typeof fetch): JudgeSession {
  const [session] = useState(() => new JudgeSession(store, fetchImpl));
  useEffect(() => {
    void session.check();
    window.addEventListener('online', session.check);
    return () => window.removeEventListener('online', session.check);
  }, [session]);
  return session;
}

export function useSessionState(session: JudgeSession) {
  return useSyncExternalStore(session.subscribe, session.getState, session.getState);
}
