import { compareNames } from '@olympiad/i18n';
import {
  Button,
  describeError,
  Link,
  StatusBanner,
  useLanguage,
  useQuery,
  createApiClient,
} from '@olympiad/ui';
import { useMemo } from 'react';
import type { PublicStage } from './public-stage.types';

/**
 * `/`: every public stage, the republic stage first, then the regional ones by name. (Region names
 * would come from @olympiad/contracts' REGIONS, but importing any value from contracts brings its
 * zod schemas along, ~27 KB gzipped, a quarter of the public view's budget.)
 */
export function StageListPage({ fetch }: { fetch?: typeof globalThis.fetch }) {
  const { lang, t } = useLanguage();
  const api = useMemo(() => createApiClient({ fetch }), [fetch]);
  const stages = useQuery(
    (signal) => api.get<PublicStage[]>('/api/public/stages', { signal }),
    [api],
  );

  if (stages.status === 'loading' && !stages.data)
    return <StatusBanner kind="loading">{t('common.loading')}</StatusBanner>;
  if (stages.status === 'error') {
    return (
      <StatusBanner
        kind="error"
        action={
          <Button variant="secondary" onClick={stages.reload}>
            {t('common.retry')}
          </Button>
        }
      >
        {describeError(lang, stages.error)}
      </StatusBanner>
    );
  }
  const list = [...(stages.data ?? [])].sort((a, b) =>
    a.kind !== b.kind ? (a.kind === 'republic' ? -1 : 1) : compareNames(a.name, b.name, lang),
  );
  return (
    <section aria-labelledby="stages-title">
      <h2 id="stages-title">{t('board.stages.title')}</h2>
      {list.length === 0 ? (
        <StatusBanner kind="info">{t('board.stages.empty')}</StatusBanner>
      ) : null}
      {(['republic', 'regional'] as const).map((kind) =>
        list.some((stage) => stage.kind === kind) ? (
          <StageGroup
            key={kind}
            title={t(kind === 'republic' ? 'board.republic' : 'board.regional')}
            stages={list.filter((stage) => stage.kind === kind)}
          />
        ) : null,
      )}
    </section>
  );
}

/** The republic stage, or every regional stage, each with its status and links. */
function StageGroup({ title, stages }: { title: string; stages: PublicStage[] }) {
  const { t } = useLanguage();
  return (
    <>
      <h3 className="stage-group__title">{title}</h3>
      <ul className="stage-cards">
        {stages.map((stage) => (
          <li key={stage.code} className="stage-card">
            <div className="stage-card__text">
              <h3 className="stage-card__name">{stage.name}</h3>
              <p className="ui-muted stage-card__meta">
                {t(stage.kind === 'republic' ? 'stage.kind.republic' : 'stage.kind.regional')}
                {' · '}
                {t(`stage.status.${stage.status}`)}
              </p>
            </div>
            <div className="stage-card__links">
              <Link
                className="ui-button ui-button--primary"
                href={`/s/${encodeURIComponent(stage.code)}`}
              >
                {t('board.stages.results')}
              </Link>
              <Link
                className="ui-button ui-button--secondary"
                href={`/hall/${encodeURIComponent(stage.code)}`}
              >
                {t('board.stages.hall')}
              </Link>
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}
