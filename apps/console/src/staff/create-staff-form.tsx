import { routes, staffCreateSchema, type StaffRole, type StageSummary } from '@olympiad/contracts';
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
import { StageGrants } from './stage-grants';
import { StaffRoleChoice } from './staff-role-choice';
import { PasswordField } from '../app/password-field';

/** A new staff account: who, the first password to hand over, the role and a coordinator's stages. */
export function CreateStaffForm({
  api,
  stages,
  onCreated,
}: {
  api: ApiClient;
  stages: readonly StageSummary[];
  onCreated: (name: string) => void;
}) {
  const { lang, t } = useLanguage();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [staffRole, setStaffRole] = useState<StaffRole>('coordinator');
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [noStage, setNoStage] = useState(false);
  const form = useSchemaForm(staffCreateSchema, async (value) => {
    const created = await api.call(routes.staff.create, { body: value });
    setUsername('');
    setDisplayName('');
    setPassword('');
    setChosen(new Set());
    onCreated(created.displayName);
  });

  return (
    <form
      className="ui-card"
      noValidate
      aria-labelledby="create-staff-title"
      onSubmit={(event) => {
        const missing = staffRole === 'coordinator' && chosen.size === 0;
        setNoStage(missing);
        if (missing) event.preventDefault();
        else
          void form.submit(event, {
            username,
            displayName,
            password,
            staffRole,
            stageIds: staffRole === 'coordinator' ? [...chosen] : [],
          });
      }}
    >
      <h3 id="create-staff-title">{t('console.staff.create')}</h3>
      {form.failure ? (
        <StatusBanner kind="error">{describeError(lang, form.failure)}</StatusBanner>
      ) : null}
      <div className="form-grid">
        <TextField
          label={t('console.staff.displayName')}
          value={displayName}
          onChange={(event) => setDisplayName(event.target.value)}
          error={problemText(lang, form.problems['displayName'])}
          autoComplete="off"
        />
        <TextField
          label={t('console.username')}
          value={username}
          onChange={(event) => setUsername(event.target.value)}
          error={problemText(lang, form.problems['username'])}
          autoComplete="off"
        />
        <PasswordField
          label={t('console.staff.firstPassword')}
          value={password}
          onChange={setPassword}
          error={problemText(lang, form.problems['password'])}
          showRule
          autoComplete="new-password"
        />
      </div>
      <StaffRoleChoice value={staffRole} onChange={setStaffRole} />
      {staffRole === 'coordinator' ? (
        <StageGrants
          stages={stages}
          chosen={chosen}
          onChange={setChosen}
          error={noStage ? t('console.staff.chooseStage') : null}
        />
      ) : null}
      <Button type="submit" busy={form.busy}>
        {t('console.staff.createButton')}
      </Button>
    </form>
  );
}
