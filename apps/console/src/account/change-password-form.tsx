import {
  type ApiClient,
  Button,
  describeError,
  problemText,
  StatusBanner,
  useLanguage,
} from '@olympiad/ui';
import { useState } from 'react';
import { useSchemaForm } from '../app/use-form';
import { passwordChangeSchema, routes } from '@olympiad/contracts';
import { PasswordField } from '../app/password-field';

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
      <PasswordField
        label={t('console.account.currentPassword')}
        value={currentPassword}
        onChange={setCurrent}
        error={problemText(lang, form.problems['currentPassword'])}
        autoComplete="current-password"
      />
      <PasswordField
        label={t('console.account.newPassword')}
        value={newPassword}
        onChange={setNew}
        error={problemText(lang, form.problems['newPassword'])}
        showRule
        autoComplete="new-password"
      />
      <PasswordField
        label={t('console.account.repeatPassword')}
        value={repeat}
        onChange={setRepeat}
        error={mismatch ? t('console.account.passwordsDiffer') : null}
        autoComplete="new-password"
      />
      <Button type="submit" block busy={form.busy}>
        {t('console.account.changePassword')}
      </Button>
    </form>
  );
}
