import { routes } from '@olympiad/contracts';
import type { MessageKey } from '@olympiad/i18n';
import {
  ApiError,
  AppShell,
  Button,
  Link,
  matchPath,
  QueryStatus,
  useLanguage,
  useLocation,
  useQuery,
} from '@olympiad/ui';
import type { ReactNode } from 'react';
import { AccountPage, ACCOUNT_PATH } from '../account/account-page';
import { BASE_PATH } from '../base-path';
import { VenuesPage, VENUES_PATH } from '../federation/venues-page';
import { OlympiadsPage } from '../olympiads/olympiads-page';
import type { OrganiserSession } from '../session/organiser-session';
import { may, seesEverything, type StaffReach } from '../session/staff-reach';
import { StaffReachContext } from '../session/staff-reach-context';
import { StagePage } from '../stage/stage-page';
import type { ConsoleApi } from '../stage/console-context';
import { StaffPage, STAFF_PATH } from '../staff/staff-page';
import { TABLETS_PATH, TabletTrustPage } from '../tablets/tablet-trust-page';
import '../session/reach.css';

/** The console after sign-in: who the account is decides which pages and actions it is offered. */
export function SignedInConsole({
  session,
  console: consoleApi,
  onNewToken,
  onSignOut,
}: {
  session: OrganiserSession;
  console: ConsoleApi;
  onNewToken: (token: string) => void;
  onSignOut: () => void;
}) {
  const { t } = useLanguage();
  const { pathname } = useLocation();
  const { api } = consoleApi;
  const me = useQuery(
    (signal) =>
      api.call(routes.auth.me, {}, { signal }).then((answer) => {
        if (answer.role !== 'organiser')
          throw new ApiError(403, 'errors.forbidden', 'Not a staff token');
        return answer;
      }),
    [api],
  );
  const path = pathname.replace(/\/$/, '');

  const shell = (children: ReactNode, actions?: ReactNode) => (
    <AppShell
      title={t('app.console')}
      subtitle={t('console.signedInAs', { name: me.data?.name ?? session.name })}
      actions={actions}
    >
      {children}
    </AppShell>
  );
  const signOutButton = (
    <Button variant="ghost" onClick={onSignOut}>
      {t('common.signOut')}
    </Button>
  );

  if (!me.data) return shell(<QueryStatus query={me} />, signOutButton);
  const reach: StaffReach = { staffRole: me.data.staffRole, stageIds: me.data.stageIds };
  const stageRoute = matchPath(`${BASE_PATH}stages/:stageId`, pathname);

  let page: ReactNode;
  if (stageRoute) {
    page = (
      <StagePage key={stageRoute['stageId']} stageId={stageRoute['stageId']} console={consoleApi} />
    );
  } else if (path === VENUES_PATH && seesEverything(reach)) {
    page = <VenuesPage console={consoleApi} />;
  } else if (path === TABLETS_PATH) {
    page = <TabletTrustPage api={api} />;
  } else if (path === STAFF_PATH && may(reach, 'staff.manage')) {
    page = <StaffPage api={api} myId={me.data.id} onMyAccountChanged={me.reload} />;
  } else if (path === ACCOUNT_PATH) {
    page = <AccountPage api={api} me={me.data} onNewToken={onNewToken} onSignedOut={onSignOut} />;
  } else {
    page = <OlympiadsPage api={api} />;
  }

  return (
    <StaffReachContext.Provider value={reach}>
      {shell(
        page,
        <>
          <Link className="ui-button ui-button--secondary account-link" href={ACCOUNT_PATH}>
            <span className="account-link__name">{me.data.name}</span>
            <span className="account-link__role">
              {t(`console.staff.role.${reach.staffRole}` as MessageKey)}
            </span>
          </Link>
          {signOutButton}
        </>,
      )}
    </StaffReachContext.Provider>
  );
}
