import { AppShell, Link, matchPath, StatusBanner, useLanguage, useLocation } from '@olympiad/ui';
import { lazy, Suspense, useEffect } from 'react';
import type { LiveTransport } from '../live/live-transport';
import { useLiveClient } from '../live/use-live';
import { StagePage } from '../stage/stage-page';

// Screens, not phones: loaded only where opened, so a phone's first load stays ≤ 100 KB gzipped.
const HallPage = lazy(() => import('../hall/hall-page').then((m) => ({ default: m.HallPage })));
const DisplayPage = lazy(() =>
  import('../display/display-page').then((m) => ({ default: m.DisplayPage })),
);
// A phone opened on a stage's results does not need the list of stages.
const StageListPage = lazy(() =>
  import('../stages/stage-list-page').then((m) => ({ default: m.StageListPage })),
);

export interface AppProps {
  fetch?: typeof globalThis.fetch;
  makeTransport?: () => LiveTransport;
}

/**
 * Routes: `/` the stages, `/o/:olympiadId` an olympiad's republic page, `/s/:stageCode` a stage
 * on a phone, `/hall/:stageCode` the hall screen.
 */
export function App({ fetch, makeTransport }: AppProps) {
  const { t } = useLanguage();
  const { pathname } = useLocation();
  const hall = matchPath('/hall/:stageCode', pathname);
  const stage = matchPath('/s/:stageCode', pathname);
  const olympiad = matchPath('/o/:olympiadId', pathname);

  useEffect(() => {
    document.title = t('app.leaderboard');
  }, [t]);

  if (hall)
    return <LivePage code={hall.stageCode} hall fetch={fetch} makeTransport={makeTransport} />;
  if (matchPath('/display', pathname))
    return <DisplayRoute fetch={fetch} makeTransport={makeTransport} />;
  return (
    <AppShell title={t('app.leaderboard')} subtitle={t('app.olympiad')}>
      {stage ? (
        <LivePage code={stage.stageCode} fetch={fetch} makeTransport={makeTransport} />
      ) : olympiad || matchPath('/', pathname) ? (
        <Suspense fallback={<StatusBanner kind="info">{t('common.loading')}</StatusBanner>}>
          <StageListPage fetch={fetch} olympiadId={olympiad?.olympiadId} />
        </Suspense>
      ) : (
        <>
          <StatusBanner kind="info">{t('common.pageNotFound')}</StatusBanner>
          <Link href="/">{t('common.goHome')}</Link>
        </>
      )}
    </AppShell>
  );
}

/** A page with a live connection, opened only where one is needed and closed when left. */
function LivePage({
  code,
  hall = false,
  fetch,
  makeTransport,
}: AppProps & { code: string; hall?: boolean }) {
  const client = useLiveClient(makeTransport);
  return hall ? (
    <Suspense fallback={<ScreenLoading />}>
      <HallPage key={code} code={code} client={client} fetch={fetch} />
    </Suspense>
  ) : (
    <StagePage key={code} code={code} client={client} fetch={fetch} />
  );
}

/** `/display`: a screen paired from the console (see DisplayPage). */
function DisplayRoute({ fetch, makeTransport }: AppProps) {
  const client = useLiveClient(makeTransport);
  return (
    <Suspense fallback={<ScreenLoading />}>
      <DisplayPage client={client} fetch={fetch} />
    </Suspense>
  );
}

function ScreenLoading() {
  const { t } = useLanguage();
  return (
    <div className="hall" data-theme="hall">
      <p className="hall__message">{t('common.loading')}</p>
    </div>
  );
}
