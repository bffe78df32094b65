import { routes, type PublicStageSummary } from '@olympiad/contracts';
import { compareNames, formatDateRange } from '@olympiad/i18n';
import {
  Button,
  createApiClient,
  Link,
  QueryStatus,
  StatusBanner,
  useLanguage,
  useQuery,
} from '@olympiad/ui';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { StageStatus } from './stage-status';

/** How often the list is fetched again, so "results as of" moves while the page stays open. */
const REFRESH_MS = 30_000;

const QualifiersList = lazy(() =>
  import('../stage/qualifiers-list').then((m) => ({ default: m.QualifiersList })),
);

/**
 * `/`: every public stage, by olympiad (newest season first), the republic stage first, then the
 * regional ones by name. `/o/:olympiadId`: one olympiad's republic page, where every stage can
 * show the teams it sent on (or, for the republic stage, received).
 */
export function StageListPage({
  fetch,
  olympiadId,
}: {
  fetch?: typeof globalThis.fetch;
  olympiadId?: string;
}) {
  const { lang, t } = useLanguage();
  const api = useMemo(() => createApiClient({ fetch }), [fetch]);
  const stages = useQuery((signal) => api.call(routes.public.stages, {}, { signal }), [api]);
  const { reload } = stages;
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const refresh = () => {
      if (document.hidden) return;
      setNow(Date.now());
      reload();
    };
    const timer = setInterval(refresh, REFRESH_MS);
    document.addEventListener('visibilitychange', refresh);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', refresh);
    };
  }, [reload]);

  // A failed refresh keeps the list it had, under the error.
  if (!stages.data) return <QueryStatus query={stages} />;
  const list = stages.data.filter((stage) => !olympiadId || stage.olympiad.id === olympiadId);
  const olympiads = [
    ...new Map(list.map((stage) => [stage.olympiad.id, stage.olympiad])).values(),
  ].sort((a, b) => b.season.localeCompare(a.season) || compareNames(a.name, b.name, lang));
  return (
    <section className="stage-list" aria-labelledby="stages-title">
      <h2 id="stages-title">
        {olympiadId && olympiads[0] ? olympiads[0].name : t('board.stages.title')}
      </h2>
      <QueryStatus query={stages} />
      {list.length === 0 ? (
        <StatusBanner kind="info">
          {t(olympiadId ? 'board.olympiad.notFound' : 'board.stages.empty')}
        </StatusBanner>
      ) : null}
      {olympiadId ? (
        <p>
          <Link href="/">{t('board.stages.title')}</Link>
        </p>
      ) : null}
      {olympiads.map((olympiad) => {
        const own = list
          .filter((stage) => stage.olympiad.id === olympiad.id)
          .sort((a, b) =>
            a.kind !== b.kind
              ? a.kind === 'republic'
                ? -1
                : 1
              : compareNames(a.name, b.name, lang),
          );
        return (
          <div key={olympiad.id} className="olympiad-stages">
            {olympiadId ? null : (
              <div className="olympiad-stages__head">
                <h3 className="olympiad-stages__name">
                  {olympiad.name}
                  {/* Most olympiads carry their season in the name already. */}
                  {olympiad.name.includes(olympiad.season) ? null : (
                    <span className="ui-muted"> {olympiad.season}</span>
                  )}
                </h3>
                <Link
                  className="ui-button ui-button--secondary"
                  href={`/o/${encodeURIComponent(olympiad.id)}`}
                >
                  {t('board.olympiad.overview')}
                </Link>
              </div>
            )}
            {(['republic', 'regional'] as const).map((kind) =>
              own.some((stage) => stage.kind === kind) ? (
                <StageGroup
                  key={kind}
                  title={t(kind === 'republic' ? 'board.republic' : 'board.regional')}
                  stages={own.filter((stage) => stage.kind === kind)}
                  withQualifiers={Boolean(olympiadId)}
                  fetch={fetch}
                  now={now}
                />
              ) : null,
            )}
          </div>
        );
      })}
    </section>
  );
}

/** The republic stage, or every regional stage, each with its state, qualifiers and links. */
function StageGroup({
  title,
  stages,
  withQualifiers,
  fetch,
  now,
}: {
  title: string;
  stages: PublicStageSummary[];
  withQualifiers: boolean;
  fetch?: typeof globalThis.fetch;
  now: number;
}) {
  const { lang, t } = useLanguage();
  const [open, setOpen] = useState<string | null>(null);
  return (
    <>
      <h3 className="stage-group__title">{title}</h3>
      <ul className="stage-cards">
        {stages.map((stage) => (
          <li key={stage.code} className="stage-card">
            <div className="stage-card__text">
              <h3 className="stage-card__name">{stage.name}</h3>
              <StageStatus stage={stage} now={now} />
              <p className="ui-muted stage-card__meta">
                {t(stage.kind === 'republic' ? 'stage.kind.republic' : 'stage.kind.regional')}
                {' · '}
                <span className="stage-card__dates">
                  {formatDateRange(stage.startsOn, stage.endsOn, lang)}
                </span>
              </p>
              <p className="stage-card__qualifiers">
                {t(stage.kind === 'republic' ? 'board.stages.received' : 'board.stages.sent', {
                  count: stage.qualifiers,
                })}
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
              {withQualifiers && stage.qualifiers > 0 ? (
                <Button
                  variant="secondary"
                  aria-expanded={open === stage.code}
                  onClick={() => setOpen(open === stage.code ? null : stage.code)}
                >
                  {t(
                    open === stage.code
                      ? 'board.stages.hideQualifiers'
                      : 'board.stages.showQualifiers',
                  )}
                </Button>
              ) : null}
            </div>
            {open === stage.code ? (
              <div className="stage-card__details">
                <Suspense
                  fallback={<StatusBanner kind="loading">{t('common.loading')}</StatusBanner>}
                >
                  <QualifiersList code={stage.code} stageName={stage.name} fetch={fetch} />
                </Suspense>
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}
