import { AppShell, Button, ConnectionBadge, useLanguage, useOnline } from '@olympiad/ui';
import { useEffect, useMemo, useState } from 'react';
import type { OutboxStore } from '../outbox/outbox-store';
import { browserSessionStore, type SessionStore } from '../session/session-store';
import { useJudgeSession, useSessionState } from '../session/use-judge-session';
import { InsecureConnectionNotice, inSecureContext } from '../sign-in/insecure-connection-notice';
import { SignInPage } from '../sign-in/sign-in-page';
import { SignedInApp } from './signed-in-app';

export interface AppProps {
  store?: SessionStore;
  fetch?: typeof fetch;
  outboxStore?: OutboxStore;
  /** Whether the page is a secure context; the browser's answer unless a test says. */
  secureContext?: boolean;
}

export function App({
  store: givenStore,
  fetch,
  outboxStore,
  secureContext = inSecureContext(),
}: AppProps) {
  const { t } = useLanguage();
  const store = useMemo(() => givenStore ?? browserSessionStore(), [givenStore]);
  const session = useJudgeSession(store, fetch);
  const state = useSessionState(session);
  const online = useOnline();
  const [confirmingSignOut, setConfirmingSignOut] = useState(false);

  useEffect(() => {
    document.title = t('app.judge');
  }, [t]);

  if (state.phase === 'signed-out') {
    return (
      <AppShell title={t('app.judge')} subtitle={t('app.olympiad')}>
        <SignInPage
          initialStageCode={session.lastStageCode()}
          notice={state.notice}
          connectionNotice={secureContext ? null : <InsecureConnectionNotice api={session.api} />}
          onSignIn={session.signIn}
        />
      </AppShell>
    );
  }

  const { me } = state;
  const offline = state.offline || !online;
  const roleName = t(me.judge.role === 'head-judge' ? 'judge.role.head-judge' : 'judge.role.judge');
  return (
    <AppShell
      title={me.judge.name}
      subtitle={`${roleName} · ${t('judge.stage', { name: me.judge.stageName })}`}
      actions={
        <>
          <ConnectionBadge
            state={offline ? 'offline' : state.confirmed ? 'online' : 'connecting'}
          />
          <Button variant="ghost" onClick={() => setConfirmingSignOut(true)}>
            {t('common.signOut')}
          </Button>
        </>
      }
    >
      <SignedInApp
        key={me.judge.id}
        session={session}
        me={me}
        reachable={!state.offline}
        outboxStore={outboxStore}
        signOut={
          confirmingSignOut
            ? { confirm: () => session.signOut(), cancel: () => setConfirmingSignOut(false) }
            : null
        }
      />
    </AppShell>
  );
}
