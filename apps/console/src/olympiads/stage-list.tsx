import { REGIONS, routes } from '@olympiad/contracts';
import { compareNames, formatDateRange } from '@olympiad/i18n';
import {
  type ApiClient,
  Link,
  queryPending,
  QueryStatus,
  useLanguage,
  useQuery,
} from '@olympiad/ui';
import { BASE_PATH } from '../base-path';
import { may } from '../session/staff-reach';
import { useStaffReach } from '../session/staff-reach-context';
import { CreateStageForm } from './create-stage-form';

/** The stages of one olympiad: the republic stage first, then regional stages by region name. */
export function StageList({ api, olympiadId }: { api: ApiClient; olympiadId: string }) {
  const { lang, t } = useLanguage();
  const reach = useStaffReach();
  const stages = useQuery(
    (signal) => api.call(routes.stages.list, { query: { olympiadId } }, { signal }),
    [api, olympiadId],
  );
  const regionName = (code: string | null) =>
    REGIONS.find((region) => region.code === code)?.name[lang] ?? code ?? '';

  if (queryPending(stages)) return <QueryStatus query={stages} />;
  const list = [...(stages.data ?? [])].sort((a, b) =>
    a.kind !== b.kind
      ? a.kind === 'republic'
        ? -1
        : 1
      : compareNames(regionName(a.regionCode) || a.name, regionName(b.regionCode) || b.name, lang),
  );
  const form = may(reach, 'stage.create') ? (
    <CreateStageForm api={api} olympiadId={olympiadId} onCreated={stages.reload} />
  ) : null;
  if (list.length === 0)
    return (
      <>
        <p className="ui-muted">{t('console.stages.empty')}</p>
        {form}
      </>
    );
  return (
    <>
      <ul className="stage-list">
        {list.map((stage) => (
          <li key={stage.id} className="stage-list__item">
            <div>
              <Link className="stage-list__link" href={`${BASE_PATH}stages/${stage.id}`}>
                <strong>{stage.name}</strong>
              </Link>
              <div className="ui-muted">
                {t(stage.kind === 'republic' ? 'stage.kind.republic' : 'stage.kind.regional')}
                {stage.regionCode ? ` · ${regionName(stage.regionCode)}` : ''} ·{' '}
                {formatDateRange(stage.startsOn, stage.endsOn, lang)}
              </div>
            </div>
            <div className="stage-list__tags">
              <span className="tag">{t('stage.code', { code: stage.code })}</span>
              <span className={`tag tag--${stage.status}`}>
                {t(`stage.status.${stage.status}`)}
              </span>
              <Link
                className="ui-button ui-button--secondary"
                href={`${BASE_PATH}stages/${stage.id}`}
              >
                {t('console.stages.open')}
              </Link>
            </div>
          </li>
        ))}
      </ul>
      {form}
    </>
  );
}
