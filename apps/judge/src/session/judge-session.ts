import { ApiError, createApiClient, type ApiClient } from '@olympiad/ui';
import { routes, type JudgeMe } from '@olympiad/contracts';
import type { SessionStore } from './session-store';

export type SessionState =
  | { phase: 'signed-out'; notice?: 'errors.unauthorized' }
  | {
      phase: 'signed-in';
      me: JudgeMe;
      /** Whether /api/me confirmed the sign-in since the app started. */
      confirmed: boolean;
      /** The last check could not reach the server. */
      offline: boolean;
    };

/**
 * The judge's sign-in over the life of the app, outside React. A stored sign-in is shown at once
 * (the tablet may be offline) and checked with `/api/me`: a 401 signs out, no answer keeps the
 * stored assignments and sets `offline`. Any 401 of any call signs out.
 */
export class JudgeSession {
  readonly api: ApiClient;
  private token: string | null;
  private state: SessionState;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly store: SessionStore,
    fetchImpl?: typeof fetch,
  ) {
    const stored = store.read();
    this.token = stored?.token ?? null;
    this.state = stored
      ? { phase: 'signed-in', me: stored.me, confirmed: false, offline: false }
      : { phase: 'signed-out' };
    this.api = createApiClient({
      getToken: () => this.token,
      fetch: fetchImpl,
      onUnauthorized: () => {
        if (this.token) this.signOut('errors.unauthorized');
      },
    });
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = (): SessionState => this.state;

  getToken = (): string | null => this.token;

  lastStageCode(): string {
    return this.store.readStageCode();
  }

  /** Confirms the stored sign-in with the server and refreshes the assignments. */
  check = async (): Promise<void> => {
    const token = this.token;
    if (!token) return;
    try {
      const me = await this.api.call(routes.auth.me);
      if (this.token !== token) return;
      // A judge's token names a judge; anything else is not a sign-in this tablet can use.
      if (me.role === 'organiser') return this.signOut('errors.unauthorized');
      this.store.write({ token, me, savedAt: new Date().toISOString() });
      this.set({ phase: 'signed-in', me, confirmed: true, offline: false });
    } catch (error) {
      const state = this.state;
      if (
        error instanceof ApiError &&
        error.isNetwork &&
        this.token === token &&
        state.phase === 'signed-in'
      ) {
        this.set({ ...state, offline: true });
      }
    }
  };

  signIn = async (stageCode: string, pin: string): Promise<void> => {
    const { token, ...me } = await this.api.call(routes.auth.signInJudge, {
      body: { stageCode, pin },
    });
    this.token = token;
    this.store.write({ token, me, savedAt: new Date().toISOString() });
    this.store.writeStageCode(stageCode);
    this.set({ phase: 'signed-in', me, confirmed: true, offline: false });
  };

  signOut = (notice?: 'errors.unauthorized'): void => {
    this.store.clear();
    this.token = null;
    this.set({ phase: 'signed-out', notice });
  };

  private set(state: SessionState): void {
    this.state = state;
    for (const listener of this.listeners) listener();
  }
}
