import { createApiClient, type ApiClient } from '@olympiad/ui';
import type { OrganiserAuthAnswer } from '@olympiad/contracts';
import { type OrganiserSession, organiserSessionStore } from './organiser-session';

export type OrganiserSessionState =
  | { signedIn: false; notice?: 'errors.unauthorized' }
  | { signedIn: true; session: OrganiserSession };

/** The organiser's sign-in, outside React, with an API client that sends its token; any 401 signs out. */
export class OrganiserSessionController {
  readonly api: ApiClient;
  private token: string | null;
  private state: OrganiserSessionState;
  private readonly listeners = new Set<() => void>();

  constructor(fetchImpl?: typeof fetch) {
    const stored = organiserSessionStore.read();
    this.token = stored?.token ?? null;
    this.state = stored ? { signedIn: true, session: stored } : { signedIn: false };
    this.api = createApiClient({
      fetch: fetchImpl,
      getToken: () => this.token,
      onUnauthorized: () => {
        if (this.token) this.signOut('errors.unauthorized');
      },
    });
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = (): OrganiserSessionState => this.state;

  /** For the calls the JSON client does not make: file uploads and downloads. */
  getToken = (): string | null => this.token;

  accept = (answer: OrganiserAuthAnswer): void => {
    const session = { token: answer.token, name: answer.name };
    organiserSessionStore.write(session);
    this.token = session.token;
    this.set({ signedIn: true, session });
  };

  /** A new token for the same account (after a password change the older ones end). */
  replaceToken = (token: string): void => {
    if (this.state.signedIn === false) return;
    const session = { ...this.state.session, token };
    organiserSessionStore.write(session);
    this.token = token;
    this.set({ signedIn: true, session });
  };

  signOut = (notice?: 'errors.unauthorized'): void => {
    organiserSessionStore.clear();
    this.token = null;
    this.set({ signedIn: false, notice });
  };

  private set(state: OrganiserSessionState): void {
    this.state = state;
    for (const listener of this.listeners) listener();
  }
}
