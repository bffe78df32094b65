import type { MessageKey } from '@olympiad/i18n';
import { type ApiClient, Link, useLanguage } from '@olympiad/ui';
import { BASE_PATH } from '../base-path';
import '../staff/staff.css';
import { ChangePasswordForm } from './change-password-form';
import { SignOutEverywhere } from './sign-out-everywhere';

export const ACCOUNT_PATH = `${BASE_PATH}account`;

export interface AccountMe {
  name: string;
  username: string;
  staffRole: string;
}

/** Who is signed in and with what role; their password and their sessions on other computers. */
export function AccountPage({
  api,
  me,
  onNewToken,
  onSignedOut,
}: {
  api: ApiClient;
  me: AccountMe;
  onNewToken: (token: string) => void;
  onSignedOut: () => void;
}) {
  const { t } = useLanguage();
  return (
    <div className="account-page">
      <Link href={BASE_PATH} className="back-link">
        ← {t('console.stage.back')}
      </Link>
      <section className="ui-card narrow" aria-labelledby="account-title">
        <h2 id="account-title">{t('console.account.title')}</h2>
        <dl className="account-facts">
          <dt>{t('console.staff.displayName')}</dt>
          <dd>{me.name}</dd>
          <dt>{t('console.username')}</dt>
          <dd>{me.username}</dd>
          <dt>{t('console.staff.role')}</dt>
          <dd>
            <strong>{t(`console.staff.role.${me.staffRole}` as MessageKey)}</strong>
            <div className="ui-muted">
              {t(`console.staff.roleHint.${me.staffRole}` as MessageKey)}
            </div>
          </dd>
        </dl>
      </section>
      <ChangePasswordForm api={api} onNewToken={onNewToken} />
      <SignOutEverywhere api={api} onSignedOut={onSignedOut} />
    </div>
  );
}
