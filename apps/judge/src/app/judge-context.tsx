import type { ApiClient } from '@olympiad/ui';
import { createContext, type ReactNode, useContext } from 'react';
import type { Outbox } from '../outbox/outbox';
import type { JudgeMe } from '@olympiad/contracts';

export interface JudgeContextValue {
  api: ApiClient;
  me: JudgeMe;
  token: () => string | null;
  outbox: Outbox;
  /** The server answered the last call (false while offline). */
  online: boolean;
}

const JudgeContext = createContext<JudgeContextValue | null>(null);

export function JudgeProvider({
  value,
  children,
}: {
  value: JudgeContextValue;
  children: ReactNode;
}) {
  return <JudgeContext.Provider value={value}>{children}</JudgeContext.Provider>;
}

export function useJudge(): JudgeContextValue {
  const value = useContext(JudgeContext);
  if (!value) throw new Error('useJudge() needs a <JudgeProvider> above it');
  return value;
}
