import { routes } from '@olympiad/contracts';
import { compareNames } from '@olympiad/i18n';
import {
  type ApiClient,
  Link,
  QueryStatus,
  StatusBanner,
  useLanguage,
  useQuery,
} from '@olympiad/ui';
import { useState } from 'react';
import { BASE_PATH } from '../base-path';
import { CreateStaffForm } from './create-staff-form';
import { StaffAccountCard } from './staff-account-card';
import './staff.css';

export const STAFF_PATH = `${BASE_PATH}staff`;

/**
 * The administrators' page of staff accounts: who may sign in to the console, with what reach.
 * A change to one's own account (a role given up) changes what this console offers at once.
 */
export function StaffPage({
  api,
  myId,
  onMyAccountChanged,
}: {
  api: ApiClient;
  myId: string;
  onMyAccountChanged: () => void;
}) {
  const { lang, t } = useLanguage();
  const staff = useQuery((signal) => api.call(routes.staff.list, {}, { signal }), [api]);
  const stages = useQuery(
    (signal) => api.call(routes.stages.list, { query: {} }, { signal }),
    [api],
  );
  const [created, setCreated] = useState<string | null>(null);
  const stageList = [...(stages.data ?? [])].sort((a, b) => compareNames(a.name, b.name, lang));
  const accounts = [...(staff.data ?? [])].sort(
    (a, b) =>
      Number(b.active) - Number(a.active) || compareNames(a.displayName, b.displayName, lang),
  );

  return (
    <>
      <Link href={BASE_PATH} className="back-link">
        ← {t('console.stage.back')}
      </Link>
      <section aria-labelledby="staff-title">
        <h2 id="staff-title">{t('console.staff.title')}</h2>
        <p className="ui-muted">{t('console.staff.intro')}</p>
        <QueryStatus query={staff} />
        <QueryStatus query={stages} />
        {created ? (
          <StatusBanner kind="success">
            {t('console.staff.created', { name: created })}
          </StatusBanner>
        ) : null}
        <ul className="staff-list">
          {accounts.map((account) => (
            <StaffAccountCard
              key={account.id}
              api={api}
              account={account}
              stages={stageList}
              isMe={account.id === myId}
              onChanged={() => {
                staff.reload();
                if (account.id === myId) onMyAccountChanged();
              }}
            />
          ))}
        </ul>
      </section>
      <CreateStaffForm
        api={api}
        stages={stageList}
        onCreated={(name) => {
          setCreated(name);
          staff.reload();
        }}
      />
    </>
  );
}
