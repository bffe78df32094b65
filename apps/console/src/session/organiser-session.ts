import type { OrganiserAuthAnswer } from '@olympiad/contracts';

/** What the console keeps of the setup's or sign-in's answer. */
export type OrganiserSession = Pick<OrganiserAuthAnswer, 'token' | 'name'>;

const SESSION_KEY = 'olympiad.console.session';

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** The organiser's sign-in, kept on this computer until sign-out or a 401. */
export const organiserSessionStore = {
  read(): OrganiserSession | null {
    try {
      const raw = storage()?.getItem(SESSION_KEY);
      const parsed: unknown = raw ? JSON.parse(raw) : null;
      if (typeof parsed !== 'object' || parsed === null) return null;
      const { token, name } = parsed as Partial<OrganiserSession>;
      return typeof token === 'string' && typeof name === 'string' ? { token, name } : null;
    } catch {
      return null;
    }
  },
  write(session: OrganiserSession): void {
    try {
      storage()?.setItem(SESSION_KEY, JSON.stringify(session));
    } catch {
      // Without storage the sign-in lasts until the page is closed.
    }
  },
  clear(): void {
    try {
      storage()?.removeItem(SESSION_KEY);
    } catch {
      // Nothing stored.
    }
  },
};
