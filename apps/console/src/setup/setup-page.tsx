import { organiserSetupSchema, routes, type OrganiserAuthAnswer } from '@olympiad/contracts';
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
import { PasswordField } from '../app/password-field';

export interface SetupPageProps {
  api: ApiClient;
  initialToken: string;
  onDone: (answer: OrganiserAuthAnswer) => void;
}

/** First start: the one-time code from the server's console, and the organiser's account. */
export function SetupPage({ api, initialToken, onDone }: SetupPageProps) {
  const { lang, t } = useLanguage();
  const [token, setToken] = useState(initialToken);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const form = useSchemaForm(organiserSetupSchema, async (value) => {
    onDone(await api.call(routes.auth.completeSetup, { body: value }));
  });

  return (
    <form
      className="narrow ui-card"
      noValidate
      onSubmit={(event) => form.submit(event, { token: token.trim(), username, password })}
    >
      <h2>{t('console.setup.title')}</h2>
      <p>{t('console.setup.intro')}</p>
      {form.failure ? (
        <StatusBanner kind="error">{describeError(lang, form.failure)}</StatusBanner>
      ) : null}
      <TextField
        label={t('console.setup.token')}
        value={token}
        onChange={(event) => setToken(event.target.value)}
        error={problemText(lang, form.problems['token'])}
        autoComplete="off"
        spellCheck={false}
      />
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
        hint={t('validation.tooShort', { min: 10 })}
        error={problemText(lang, form.problems['password'])}
        autoComplete="new-password"
      />
      <Button type="submit" block busy={form.busy}>
        {t('console.setup.submit')}
      </Button>
    </form>
  );
}
