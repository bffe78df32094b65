import { organiserSignInSchema, type OrganiserAuthAnswer } from '@olympiad/contracts';
import {
  Button,
  describeError,
  problemText,
  StatusBanner,
  TextField,
  useLanguage,
} from '@olympiad/ui';
import { useEffect, useState } from 'react';
import { useSchemaForm } from '../app/use-form';
import { secondsLeft } from './retry-after';
import { signIn, SignInBackoff } from './sign-in-request';
import { PasswordField } from '../app/password-field';

export interface SignInPageProps {
  fetch?: typeof globalThis.fetch;
  /** A message to show above the form (the sign-in ended, setup was already done). */
  notice?: 'errors.unauthorized' | 'console.setup.alreadyDone';
  onDone: (answer: OrganiserAuthAnswer) => void;
}

/** The back-off's seconds left, counted down once a second from when the answer came. */
function useCountdown(backoff: SignInBackoff | null): number {
  const [left, setLeft] = useState<{ of: SignInBackoff; seconds: number } | null>(null);
  useEffect(() => {
    if (!backoff) return;
    const timer = setInterval(() => {
      const seconds = secondsLeft(backoff.until, Date.now());
      setLeft({ of: backoff, seconds });
      if (seconds === 0) clearInterval(timer);
    }, 1000);
    return () => clearInterval(timer);
  }, [backoff]);
  if (!backoff) return 0;
  return left?.of === backoff ? left.seconds : backoff.seconds;
}

export function SignInPage({ fetch: fetchImpl, notice, onDone }: SignInPageProps) {
  const { lang, t } = useLanguage();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const form = useSchemaForm(organiserSignInSchema, async (value) => {
    onDone(await signIn(fetchImpl ?? globalThis.fetch.bind(globalThis), value));
  });
  const backoff = form.failure instanceof SignInBackoff ? form.failure : null;
  const wait = useCountdown(backoff);

  return (
    <form
      className="narrow ui-card"
      noValidate
      onSubmit={(event) => form.submit(event, { username, password })}
    >
      <h2>{t('console.signIn.title')}</h2>
      {notice && !form.failure ? <StatusBanner kind="info">{t(notice)}</StatusBanner> : null}
      {backoff && wait > 0 ? (
        <StatusBanner kind="error">{t('console.signIn.backoff', { count: wait })}</StatusBanner>
      ) : form.failure && !backoff ? (
        <StatusBanner kind="error">{describeError(lang, form.failure)}</StatusBanner>
      ) : null}
      <TextField
        label={t('console.username')}
        value={username}
        onChange={(event) => setUsername(event.target.value)}
        error={problemText(lang, form.problems['username'])}
        autoComplete="username"
      />
      <PasswordField
        label={t('console.password')}
        value={password}
        onChange={setPassword}
        error={problemText(lang, form.problems['password'])}
        autoComplete="current-password"
      />
      <Button type="submit" block busy={form.busy} disabled={wait > 0}>
        {t('common.signIn')}
      </Button>
    </form>
  );
}
