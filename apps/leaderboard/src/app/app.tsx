import { AppShell, Link, matchPath, StatusBanner, useLanguage, useLocation } from '@olympiad/ui';
import { useEffect } from 'react';
import { HallPage } from '../hall/hall-page';
import type { LiveTransport } from '../live/live-transport';
import { useLiveClient } from '../live/use-live';
import { StagePage } from '../stage/stage-page';
import { StageListPage } from '../stages/stage-list-page';

export interface AppProps {
  fetch?: typeof globalThis.fetch;
  makeTransport?: () => LiveTransport;
}

/** Routes: `/` the stages, `/s/:stageCode` a stage on a phone, `/hall/:stageCode` the hall screen. */
export function App({ fetch, makeTransport }: AppProps) {
  const { t } = useLanguage();
  const { pathname } = useLocation();
  const hall = matchPath('/hall/:stageCode', pathname);
  const stage = matchPath('/s/:stageCode', pathname);

  useEffect(() => {
    document.title = t('app.leaderboard');
  }, [t]);

  if (hall)
    return <LivePage code={hall.stageCode} hall fetch={fetch} makeTransport={makeTransport} />;
  return (
    <AppShell title={t('app.leaderboard')} subtitle={t('app.olympiad')}>
      {stage ? (
        <LivePage code={stage.stageCode} fetch={fetch} makeTransport={makeTransport} />
      ) : matchPath('/', pathname) ? (
        <StageListPage fetch={fetch} />
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
    <HallPage key={code} code={code} client={client} fetch={fetch} />
  ) : (
    <StagePage key={code} code={code} client={client} fetch={fetch} />
  );
}
