import { useState, useSyncExternalStore } from 'react';
import { OrganiserSessionController } from './organiser-session-controller';

/** The console's one organiser session and its current state. */
export function useOrganiserSession(fetchImpl?: typeof fetch) {
  const [controller] = useState(() => new OrganiserSessionController(fetchImpl));
  const state = useSyncExternalStore(
    controller.subscribe,
    controller.getState,
    controller.getState,
  );
  return {
    state,
    api: controller.api,
    getToken: controller.getToken,
    accept: controller.accept,
    replaceToken: controller.replaceToken,
    signOut: () => controller.signOut(),
  };
}
