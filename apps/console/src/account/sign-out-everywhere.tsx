import { type ApiClient, Button, describeError, StatusBanner, useLanguage } from '@olympiad/ui';
import { useState } from 'react';
import { routes } from '@olympiad/contracts';

/** Ends every session of this account, this computer's too; a second tap confirms. */
export function SignOutEverywhere({
  api,
  onSignedOut,
}: {
  api: ApiClient;
  onSignedOut: () => void;
}) {
  const { lang, t } = useLanguage();
  const [armed, setArmed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  const signOutEverywhere = async () => {
    setBusy(true);
    setFailure(null);
    try {
      await api.call(routes.auth.signOutEverywhere);
      onSignedOut();
    } catch (error) {
      setFailure(error);
      setBusy(false);
    }
  };

  return (
    <section className="ui-card narrow" aria-labelledby="sign-out-everywhere-title">
      <h3 id="sign-out-everywhere-title">{t('console.account.signOutEverywhere')}</h3>
      <p className="ui-muted">{t('console.account.signOutEverywhereHint')}</p>
      {failure ? <StatusBanner kind="error">{describeError(lang, failure)}</StatusBanner> : null}
      {armed ? (
        <div className="button-row">
          <Button variant="danger" busy={busy} onClick={() => void signOutEverywhere()}>
            {t('console.account.signOutEverywhereConfirm')}
          </Button>
          <Button variant="ghost" disabled={busy} onClick={() => setArmed(false)}>
            {t('common.cancel')}
          </Button>
        </div>
      ) : (
        <Button variant="secondary" onClick={() => setArmed(true)}>
          {t('console.account.signOutEverywhere')}
        </Button>
      )}
    </section>
  );
}
