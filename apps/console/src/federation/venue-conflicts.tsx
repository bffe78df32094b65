import { routes } from '@olympiad/contracts';
import { formatDateTime } from '@olympiad/i18n';
import { describeError, StatusBanner, type ApiClient, useLanguage, useQuery } from '@olympiad/ui';

/** The items a venue sent that were kept aside instead of overwriting anything here. */
export function VenueConflicts({ api, stageId }: { api: ApiClient; stageId: string }) {
  const { lang, t } = useLanguage();
  const conflicts = useQuery(
    (signal) => api.call(routes.federation.conflicts, { query: { stageId } }, { signal }),
    [api, stageId],
  );
  if (conflicts.status === 'loading' && !conflicts.data)
    return <StatusBanner kind="loading">{t('common.loading')}</StatusBanner>;
  if (conflicts.status === 'error')
    return <StatusBanner kind="error">{describeError(lang, conflicts.error)}</StatusBanner>;
  const list = conflicts.data ?? [];
  if (list.length === 0) return <p className="ui-muted">{t('console.venues.noConflicts')}</p>;
  return (
    <ul className="plain-list venue-conflicts">
      {list.map((conflict) => (
        <li key={conflict.id} className="federation-warning">
          {t('console.venues.conflictLine', {
            kind: conflict.itemKind,
            id: conflict.itemId.slice(0, 8),
            reason: t(`console.venues.conflict.${conflict.reason}`),
            time: formatDateTime(conflict.arrivedAt, lang, undefined, { numeric: true }),
            via: t(`console.venues.via.${conflict.via}`),
          })}
        </li>
      ))}
    </ul>
  );
}
