import { routes } from '@olympiad/contracts';
import type { ApiClient } from '@olympiad/ui';
import { usePolledQuery } from './use-polled-query';

/** How often the venue's console asks for its link's state: the strip must not lag behind. */
export const LINK_POLL_MS = 3_000;

/** Every republic link of this server (venue side), polled. */
export function useRepublicLinks(api: ApiClient) {
  return usePolledQuery(
    (signal) => api.call(routes.federation.linkStatus, {}, { signal }),
    [api],
    LINK_POLL_MS,
  );
}

/** The link of one stage, or null when the stage is not linked to a republic server. */
export function useRepublicLink(api: ApiClient, stageId: string) {
  const links = useRepublicLinks(api);
  const status = links.data?.find((link) => link.stageId === stageId) ?? null;
  return { status, failed: links.status === 'error', reload: links.reload };
}
