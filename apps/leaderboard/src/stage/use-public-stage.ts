import { routes } from '@olympiad/contracts';
import { createApiClient, useQuery } from '@olympiad/ui';
import { useEffect, useMemo } from 'react';
import type { LiveStandingsClient } from '../live/live-standings-client';
import { useLiveState } from '../live/use-live';

/**
 * A public stage: loaded once over HTTP, then kept current by the live client. Returns the load
 * state, the stage as it is now, and its published categories in the organiser's order.
 */
export function usePublicStage(
  code: string,
  client: LiveStandingsClient,
  fetch?: typeof globalThis.fetch,
) {
  const api = useMemo(() => createApiClient({ fetch }), [fetch]);
  const loaded = useQuery(
    (signal) => api.call(routes.public.stage, { params: { code } }, { signal }),
    [api, code],
  );
  const live = useLiveState(client);

  useEffect(() => {
    if (loaded.data) client.watchStage(loaded.data.stageId, loaded.data);
  }, [client, loaded.data]);

  const stage =
    live.stage && live.stage.stageId === loaded.data?.stageId ? live.stage : loaded.data;
  const published = useMemo(
    () => (stage?.categories ?? []).filter((category) => category.published),
    [stage],
  );
  return { loaded, live, stage, published };
}
