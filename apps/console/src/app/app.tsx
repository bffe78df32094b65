import { routes } from '@olympiad/contracts';
import {
  AppShell,
  Button,
  matchPath,
  navigate,
  QueryStatus,
  StatusBanner,
  useLanguage,
  useLocation,
  useQuery,
} from '@olympiad/ui';
import type { ReactNode } from 'react';
import { useEffect } from 'react';
import { BASE_PATH } from '../base-path';
import { VenuesPage, VENUES_PATH } from '../federation/venues-page';
import { OlympiadsPage } from '../olympiads/olympiads-page';
import { useOrganiserSession } from '../session/use-organiser-session';
import { SetupPage } from '../setup/setup-page';
import { SignInPage } from '../sign-in/sign-in-page';
import { StagePage } from '../stage/stage-page';
import { TABLETS_PATH, TabletTrustPage } from '../tablets/tablet-trust-page';

const SETUP_PATH = `${BASE_PATH}setup`;

/**
 * First start (`GET /api/setup` says so): the setup page, whatever the address. Afterwards:
 * sign-in, then the olympiads. `/console/setup?token=…` pre-fills the one-time code.
 */
export function App({ fetch }: { fetch?: typeof globalThis.fetch }) {
  const { t } = useLanguage();
  const { pathname, search } = useLocation();
  const { state, api, getToken, accept, signOut } = useOrganiserSession(fetch);
  const setup = useQuery((signal) => api.call(routes.auth.setupStatus, {}, { signal }), [api]);

  useEffect(() => {
    document.title = t('app.console');
  }, [t]);

  const onSetupPath = pathname.replace(/\/$/, '') === SETUP_PATH;
  const shell = (children: ReactNode, actions?: ReactNode, subtitle?: string) => (
    <AppShell title={t('app.console')} subtitle={subtitle ?? t('app.olympiad')} actions={actions}>
      {children}
    </AppShell>
  );

  if (state.signedIn) {
    const stageRoute = matchPath(`${BASE_PATH}stages/:stageId`, pathname);
    return shell(
      stageRoute ? (
        <StagePage
          key={stageRoute['stageId']}
          stageId={stageRoute['stageId']}
          console={{ api, getToken }}
        />
      ) : pathname.replace(/\/$/, '') === VENUES_PATH ? (
        <VenuesPage console={{ api, getToken }} />
      ) : pathname.replace(/\/$/, '') === TABLETS_PATH ? (
        <TabletTrustPage api={api} />
      ) : (
        <OlympiadsPage api={api} />
      ),
      <Button variant="ghost" onClick={signOut}>
        {t('common.signOut')}
      </Button>,
      t('console.signedInAs', { name: state.session.name }),
    );
  }

  if (setup.status === 'loading')
    return shell(<StatusBanner kind="loading">{t('common.loading')}</StatusBanner>);
  if (setup.status === 'error') return shell(<QueryStatus query={setup} />);

  const afterAuth = (answer: Parameters<typeof accept>[0]) => {
    accept(answer);
    if (onSetupPath) navigate(BASE_PATH, { replace: true });
  };

  if (setup.data.needsSetup) {
    return shell(
      <SetupPage api={api} initialToken={search.get('token') ?? ''} onDone={afterAuth} />,
    );
  }
  return shell(
    <SignInPage
      api={api}
      notice={state.notice ?? (onSetupPath ? 'console.setup.alreadyDone' : undefined)}
      onDone={afterAuth}
    />,
  );
}
