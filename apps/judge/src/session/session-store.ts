import type { JudgeMe } from '@olympiad/contracts';

/**
 * The judge's sign-in kept on the tablet, so a reload or a day without Wi-Fi keeps the judge
 * signed in. The last `/api/me` answer is kept with the token, to show the assignments offline.
 */
export interface StoredSession {
  token: string;
  me: JudgeMe;
  savedAt: string;
}

const SESSION_KEY = 'olympiad.judge.session';
const STAGE_CODE_KEY = 'olympiad.judge.stageCode';

export interface SessionStore {
  read(): StoredSession | null;
  write(session: StoredSession): void;
  clear(): void;
  readStageCode(): string;
  writeStageCode(code: string): void;
}

function isStoredSession(value: unknown): value is StoredSession {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<StoredSession>;
  return (
    typeof candidate.token === 'string' &&
    typeof candidate.me === 'object' &&
    candidate.me !== null &&
    typeof candidate.me.judge?.name === 'string' &&
    Array.isArray(candidate.me.assignments?.categories) &&
    Array.isArray(candidate.me.assignments?.fields)
  );
}

export function createSessionStore(storage: Storage | null): SessionStore {
  function safely<T>(action: () => T, fallback: T): T {
    try {
      return storage ? action() : fallback;
    } catch {
      return fallback;
    }
  }
  return {
    read: () =>
      safely(() => {
        const raw = storage?.getItem(SESSION_KEY);
        if (!raw) return null;
        const parsed: unknown = JSON.parse(raw);
        return isStoredSession(parsed) ? parsed : null;
      }, null),
    write: (session) =>
      safely(() => storage?.setItem(SESSION_KEY, JSON.stringify(session)), undefined),
    clear: () => safely(() => storage?.removeItem(SESSION_KEY), undefined),
    readStageCode: () => safely(() => storage?.getItem(STAGE_CODE_KEY) ?? '', ''),
    writeStageCode: (code) => safely(() => storage?.setItem(STAGE_CODE_KEY, code), undefined),
  };
}

export function browserSessionStore(): SessionStore {
  let storage: Storage | null = null;
  try {
    storage = window.localStorage;
  } catch {
    storage = null;
  }
  return createSessionStore(storage);
}
