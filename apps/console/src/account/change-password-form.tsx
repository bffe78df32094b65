import {
  type ApiClient,
  Button,
  describeError,
  problemText,
  StatusBanner,
  TextField,
  useLanguage,
} from '@olympiad/ui';
import { useState } from 'react';
import { useSchemaForm } from '../app/use-form';
import { passwordChangeSchema, routes, STAFF_PASSWORD_MIN_LENGTH } from '@olympiad/contracts';

/** The current password, a new one twice; the answer's token replaces this computer's. */
export function ChangePasswordForm({
  api,
  onNewToken,
}: {
  api: ApiClient;
  onNewToken: (token: string) => void;
}) {
  const { lang, t } = useLanguage();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [repeat, setRepeat] = useState('');
  const [done, setDone] = useState(false);
  const [mismatch, setMismatch] = useState(false);
  const form = useSchemaForm(passwordChangeSchema, async (value) => {
    setDone(false);
    const answer = await api.call(routes.auth.changePassword, {
      body: { currentPassword: value.currentPassword, newPassword: value.newPassword },
    });
    onNewToken(answer.token);
    setCurrent('');
    setNew('');
    setRepeat('');
    setDone(true);
  });

  return (
    <form
      className="ui-card narrow"
      noValidate
      aria-labelledby="change-password-title"
      onSubmit={(event) => {
        const differ = repeat !== newPassword;
        setMismatch(differ);
        if (differ) event.preventDefault();
        else void form.submit(event, { currentPassword, newPassword });
      }}
    >
      <h3 id="change-password-title">{t('console.account.changePassword')}</h3>
      {done ? (
        <StatusBanner kind="success">{t('console.account.passwordChanged')}</StatusBanner>
      ) : null}
      {form.failure ? (
        <StatusBanner kind="error">{describeError(lang, form.failure)}</StatusBanner>
      ) : null}
      <TextField
        label={t('console.account.currentPassword')}
        type="password"
        value={currentPassword}
        onChange={(event) => setCurrent(event.target.value)}
        error={problemText(lang, form.problems['currentPassword'])}
        autoComplete="current-password"
      />
      <TextField
        label={t('console.account.newPassword')}
        type="password"
        value={newPassword}
        onChange={(event) => setNew(event.target.value)}
        error={problemText(lang, form.problems['newPassword'])}
        hint={t('console.account.passwordHint', { min: STAFF_PASSWORD_MIN_LENGTH })}
        autoComplete="new-password"
      />
      <TextField
        label={t('console.account.repeatPassword')}
        type="password"
        value={repeat}
        onChange={(event) => setRepeat(event.target.value)}
        error={mismatch ? t('console.account.passwordsDiffer') : null}
        autoComplete="new-password"
      />
      <Button type="submit" block busy={form.busy}>
        {t('console.account.changePassword')}
      </Button>
    </form>
  );
}
