import { useEffect, useState, useSyncExternalStore } from 'react';
import { LiveStandingsClient, type LiveState } from './live-standings-client';
import { type LiveTransport, socketIoTransport } from './live-transport';

/**
 * One live client for the life of a page. The connection opens in an effect and closes in its
 * cleanup, so React's double effects in development simply reconnect.
 */
export function useLiveClient(
  makeTransport: () => LiveTransport = () => socketIoTransport(),
): LiveStandingsClient {
  const [client] = useState(() => new LiveStandingsClient(makeTransport));
  useEffect(() => {
    client.start();
    return () => client.stop();
  }, [client]);
  return client;
}

export function useLiveState(client: LiveStandingsClient): LiveState {
  return useSyncExternalStore(client.subscribe, client.getState, client.getState);
}
