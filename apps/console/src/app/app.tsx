import { routes } from '@olympiad/contracts';
import {
  AppShell,
  QueryStatus,
  StatusBanner,
  useLanguage,
  useLocation,
  useQuery,
  navigate,
} from '@olympiad/ui';
import type { ReactNode } from 'react';
import { useEffect } from 'react';
import { BASE_PATH } from '../base-path';
import { useOrganiserSession } from '../session/use-organiser-session';
import { SetupPage } from '../setup/setup-page';
import { SignInPage } from '../sign-in/sign-in-page';
import { SignedInConsole } from './signed-in-console';

const SETUP_PATH = `${BASE_PATH}setup`;

/**
 * First start (`GET /api/setup` says so): the setup page, whatever the address. Afterwards:
 * sign-in, then the olympiads. `/console/setup?token=…` pre-fills the one-time code.
 */
export function App({ fetch }: { fetch?: typeof globalThis.fetch }) {
  const { t } = useLanguage();
  const { pathname, search } = useLocation();
  const { state, api, getToken, accept, replaceToken, signOut } = useOrganiserSession(fetch);
  const setup = useQuery((signal) => api.call(routes.auth.setupStatus, {}, { signal }), [api]);

  useEffect(() => {
    document.title = t('app.console');
  }, [t]);

  const onSetupPath = pathname.replace(/\/$/, '') === SETUP_PATH;
  const shell = (children: ReactNode) => (
    <AppShell title={t('app.console')} subtitle={t('app.olympiad')}>
      {children}
    </AppShell>
  );

  if (state.signedIn) {
    return (
      <SignedInConsole
        session={state.session}
        console={{ api, getToken }}
        onNewToken={replaceToken}
        onSignOut={signOut}
      />
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
      fetch={fetch}
      notice={state.notice ?? (onSetupPath ? 'console.setup.alreadyDone' : undefined)}
      onDone={afterAuth}
    />,
  );
}
