import {
  routes,
  staffPasswordSetSchema,
  type StaffAccount,
  type StaffRole,
  type StaffUpdate,
  type StageSummary,
  STAFF_PASSWORD_MIN_LENGTH,
} from '@olympiad/contracts';
import { formatDateTime, type MessageKey } from '@olympiad/i18n';
import { type ApiClient, Button, describeError, StatusBanner, useLanguage } from '@olympiad/ui';
import { useState } from 'react';
import { StageGrants } from './stage-grants';
import { StaffRoleChoice } from './staff-role-choice';
import { PasswordField } from '../app/password-field';

type Open = 'none' | 'reach' | 'password' | 'deactivate';

/** One account: who, role, stages, when last signed in; and what an administrator may change. */
export function StaffAccountCard({
  api,
  account,
  stages,
  isMe,
  onChanged,
}: {
  api: ApiClient;
  account: StaffAccount;
  stages: readonly StageSummary[];
  isMe: boolean;
  onChanged: () => void;
}) {
  const { lang, t } = useLanguage();
  const [open, setOpen] = useState<Open>('none');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [notice, setNotice] = useState<MessageKey | null>(null);
  const [role, setRole] = useState<StaffRole>(account.staffRole);
  const [chosen, setChosen] = useState<Set<string>>(new Set(account.stageIds));
  const [password, setPassword] = useState('');
  const [passwordProblem, setPasswordProblem] = useState(false);
  const stageName = (id: string) => stages.find((stage) => stage.id === id)?.name ?? id;

  const run = async (action: () => Promise<unknown>, done: MessageKey) => {
    setBusy(true);
    setFailure(null);
    setNotice(null);
    try {
      await action();
      setOpen('none');
      setNotice(done);
      onChanged();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };
  const update = (body: StaffUpdate, done: MessageKey) =>
    void run(() => api.call(routes.staff.update, { params: { id: account.id }, body }), done);
  const toggle = (what: Open) => {
    setFailure(null);
    setNotice(null);
    setOpen(open === what ? 'none' : what);
    setRole(account.staffRole);
    setChosen(new Set(account.stageIds));
    setPassword('');
    setPasswordProblem(false);
  };

  return (
    <li className={`ui-card staff-card${account.active ? '' : ' staff-card--inactive'}`}>
      <div className="staff-card__head">
        <div>
          <h3 className="staff-card__name">
            {account.displayName}
            {isMe ? <span className="tag">{t('console.staff.you')}</span> : null}
          </h3>
          <div className="ui-muted">{account.username}</div>
        </div>
        <div className="stage-list__tags">
          <span className={`tag tag--role-${account.staffRole}`}>
            {t(`console.staff.role.${account.staffRole}` as MessageKey)}
          </span>
          <span className={`tag ${account.active ? 'tag--live' : 'tag--closed'}`}>
            {t(account.active ? 'console.staff.active' : 'console.staff.inactive')}
          </span>
        </div>
      </div>
      <dl className="staff-card__facts">
        <dt>{t('console.staff.stages')}</dt>
        <dd>
          {account.staffRole === 'coordinator'
            ? account.stageIds.map(stageName).join(', ') || t('console.staff.noGrants')
            : t('console.staff.allStages')}
        </dd>
        <dt>{t('console.staff.lastSignIn')}</dt>
        <dd>
          {account.lastSignInAt
            ? formatDateTime(account.lastSignInAt, lang, undefined, { numeric: true })
            : t('console.staff.neverSignedIn')}
        </dd>
      </dl>
      {notice ? <StatusBanner kind="success">{t(notice)}</StatusBanner> : null}
      {failure ? <StatusBanner kind="error">{describeError(lang, failure)}</StatusBanner> : null}
      <div className="button-row">
        <Button
          variant="secondary"
          aria-expanded={open === 'reach'}
          onClick={() => toggle('reach')}
        >
          {t('console.staff.changeReach')}
        </Button>
        <Button
          variant="secondary"
          aria-expanded={open === 'password'}
          onClick={() => toggle('password')}
        >
          {t('console.staff.setPassword')}
        </Button>
        {isMe ? null : account.active ? (
          <Button
            variant="ghost"
            aria-expanded={open === 'deactivate'}
            onClick={() => toggle('deactivate')}
          >
            {t('console.staff.deactivate')}
          </Button>
        ) : (
          <Button
            variant="secondary"
            busy={busy}
            onClick={() => update({ active: true }, 'console.staff.reactivated')}
          >
            {t('console.staff.reactivate')}
          </Button>
        )}
      </div>
      {open === 'reach' ? (
        <div className="staff-card__panel">
          <StaffRoleChoice value={role} onChange={setRole} />
          {role === 'coordinator' ? (
            <StageGrants stages={stages} chosen={chosen} onChange={setChosen} />
          ) : null}
          <Button
            busy={busy}
            disabled={role === 'coordinator' && chosen.size === 0}
            onClick={() =>
              update(
                { staffRole: role, stageIds: role === 'coordinator' ? [...chosen] : [] },
                'console.staff.reachSaved',
              )
            }
          >
            {t('console.staff.saveReach')}
          </Button>
        </div>
      ) : null}
      {open === 'password' ? (
        <form
          className="staff-card__panel"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            const valid = staffPasswordSetSchema.safeParse({ password }).success;
            setPasswordProblem(!valid);
            if (valid)
              void run(
                () =>
                  api.call(routes.staff.setPassword, {
                    params: { id: account.id },
                    body: { password },
                  }),
                'console.staff.passwordSet',
              );
          }}
        >
          <PasswordField
            label={t('console.account.newPassword')}
            value={password}
            onChange={setPassword}
            showRule
            error={
              passwordProblem ? t('validation.tooShort', { min: STAFF_PASSWORD_MIN_LENGTH }) : null
            }
            autoComplete="new-password"
          />
          <Button type="submit" busy={busy}>
            {t('console.staff.setPassword')}
          </Button>
        </form>
      ) : null}
      {open === 'deactivate' ? (
        <div className="staff-card__panel">
          <p>{t('console.staff.deactivateQuestion', { name: account.displayName })}</p>
          <div className="button-row">
            <Button
              variant="danger"
              busy={busy}
              onClick={() => update({ active: false }, 'console.staff.deactivated')}
            >
              {t('console.staff.deactivateConfirm')}
            </Button>
            <Button variant="ghost" disabled={busy} onClick={() => toggle('deactivate')}>
              {t('common.cancel')}
            </Button>
          </div>
        </div>
      ) : null}
    </li>
  );
}
