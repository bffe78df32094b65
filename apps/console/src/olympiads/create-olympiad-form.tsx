import { createOlympiadSchema, routes, type Olympiad } from '@olympiad/contracts';
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

/** Name and season of a new olympiad, checked with the API's own schema before sending. */
export function CreateOlympiadForm({
  api,
  onCreated,
}: {
  api: ApiClient;
  onCreated: (olympiad: Olympiad) => void;
}) {
  const { lang, t } = useLanguage();
  const [name, setName] = useState('');
  const [season, setSeason] = useState('');
  const [created, setCreated] = useState<string | null>(null);
  const form = useSchemaForm(createOlympiadSchema, async (value) => {
    const olympiad = await api.call(routes.olympiads.create, { body: value });
    setCreated(olympiad.name);
    setName('');
    setSeason('');
    onCreated(olympiad);
  });

  return (
    <form
      className="ui-card"
      noValidate
      onSubmit={(event) => {
        setCreated(null);
        void form.submit(event, { name, season });
      }}
    >
      <h3>{t('console.olympiads.new')}</h3>
      {created ? (
        <StatusBanner kind="success">
          {t('console.olympiads.created', { name: created })}
        </StatusBanner>
      ) : null}
      {form.failure ? (
        <StatusBanner kind="error">{describeError(lang, form.failure)}</StatusBanner>
      ) : null}
      <div className="form-row">
        <TextField
          label={t('console.olympiads.name')}
          value={name}
          onChange={(event) => setName(event.target.value)}
          error={problemText(lang, form.problems['name'])}
          className="form-row__wide"
        />
        <TextField
          label={t('console.olympiads.season')}
          value={season}
          onChange={(event) => setSeason(event.target.value)}
          hint={t('console.olympiads.seasonHint')}
          error={problemText(lang, form.problems['season'])}
        />
      </div>
      <Button type="submit" busy={form.busy}>
        {t('console.olympiads.submit')}
      </Button>
    </form>
  );
}
