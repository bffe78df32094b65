import { organiserSignInSchema, routes, type OrganiserAuthAnswer } from '@olympiad/contracts';
import {
  Button,
  describeError,
  problemText,
  StatusBanner,
  TextField,
  type ApiClient,
  useLanguage,
} from '@olympiad/ui';
import { useState } from 'react';
import { useSchemaForm } from '../app/use-form';

export interface SignInPageProps {
  api: ApiClient;
  /** A message to show above the form (the sign-in ended, setup was already done). */
  notice?: 'errors.unauthorized' | 'console.setup.alreadyDone';
  onDone: (answer: OrganiserAuthAnswer) => void;
}

export function SignInPage({ api, notice, onDone }: SignInPageProps) {
  const { lang, t } = useLanguage();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const form = useSchemaForm(organiserSignInSchema, async (value) => {
    onDone(await api.call(routes.auth.signInOrganiser, { body: value }));
  });

  return (
    <form
      className="narrow ui-card"
      noValidate
      onSubmit={(event) => form.submit(event, { username, password })}
    >
      <h2>{t('console.signIn.title')}</h2>
      {notice && !form.failure ? <StatusBanner kind="info">{t(notice)}</StatusBanner> : null}
      {form.failure ? (
        <StatusBanner kind="error">{describeError(lang, form.failure)}</StatusBanner>
      ) : null}
      <TextField
        label={t('console.username')}
        value={username}
        onChange={(event) => setUsername(event.target.value)}
        error={problemText(lang, form.problems['username'])}
        autoComplete="username"
      />
      <TextField
        label={t('console.password')}
        type="password"
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        error={problemText(lang, form.problems['password'])}
        autoComplete="current-password"
      />
      <Button type="submit" block busy={form.busy}>
        {t('common.signIn')}
      </Button>
    </form>
  );
}
