import { routes } from '@olympiad/contracts';
import { StatusBanner, type ApiClient, useLanguage, useQuery } from '@olympiad/ui';

/**
 * On the republic server, a stage a venue has linked is that venue's data (docs/federation.md,
 * "Who owns what"): said plainly on its page, since every change here is refused.
 */
export function VenueOwnedNotice({ api, stageId }: { api: ApiClient; stageId: string }) {
  const { t } = useLanguage();
  const venues = useQuery((signal) => api.call(routes.federation.venues, {}, { signal }), [api]);
  const venue = venues.data?.find((candidate) => candidate.stageId === stageId);
  if (venue?.linkState !== 'linked') return null;
  return <StatusBanner kind="info">{t('console.venues.readOnly')}</StatusBanner>;
}
