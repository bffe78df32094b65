import { createStageSchema, REGIONS, routes, type StageSummary } from '@olympiad/contracts';
import { sortByName } from '@olympiad/i18n';
import {
  Button,
  describeError,
  problemText,
  SelectField,
  StatusBanner,
  TextField,
  type ApiClient,
  useLanguage,
} from '@olympiad/ui';
import { useState } from 'react';
import { useSchemaForm } from '../app/use-form';

/** A regional stage (region, venue, dates) or the republic stage of an olympiad. */
export function CreateStageForm({
  api,
  olympiadId,
  onCreated,
}: {
  api: ApiClient;
  olympiadId: string;
  onCreated: () => void;
}) {
  const { lang, t } = useLanguage();
  const [kind, setKind] = useState<'regional' | 'republic'>('regional');
  const [regionCode, setRegionCode] = useState('');
  const [name, setName] = useState('');
  const [venue, setVenue] = useState('');
  const [startsOn, setStartsOn] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const [created, setCreated] = useState<StageSummary | null>(null);
  const form = useSchemaForm(createStageSchema, async (value) => {
    const stage = await api.call(routes.stages.create, { body: value });
    setCreated(stage);
    setName('');
    setVenue('');
    onCreated();
  });
  const regions = sortByName(REGIONS, (region) => region.name[lang], lang);

  return (
    <form
      className="create-stage"
      noValidate
      onSubmit={(event) => {
        setCreated(null);
        void form.submit(event, {
          olympiadId,
          kind,
          regionCode: kind === 'regional' ? regionCode || undefined : undefined,
          name,
          venue,
          startsOn,
          endsOn: endsOn || startsOn,
        });
      }}
    >
      <h4>{t('console.stages.new')}</h4>
      {created ? (
        <StatusBanner kind="success">
          {t('console.stages.created', { name: created.name, code: created.code })}
        </StatusBanner>
      ) : null}
      {form.failure ? (
        <StatusBanner kind="error">{describeError(lang, form.failure)}</StatusBanner>
      ) : null}
      <div className="form-grid">
        <SelectField
          label={t('console.stages.kind')}
          options={[
            { value: 'regional', label: t('stage.kind.regional') },
            { value: 'republic', label: t('stage.kind.republic') },
          ]}
          value={kind}
          onChange={setKind}
        />
        {kind === 'regional' ? (
          <SelectField
            label={t('console.stages.region')}
            options={[
              { value: '', label: t('console.stages.pickRegion') },
              ...regions.map((region) => ({ value: region.code, label: region.name[lang] })),
            ]}
            value={regionCode}
            error={problemText(lang, form.problems['regionCode'])}
            onChange={(code) => {
              setRegionCode(code);
              const region = REGIONS.find((candidate) => candidate.code === code);
              if (region && !name) setName(`${region.name[lang]} — ${t('stage.kind.regional')}`);
            }}
          />
        ) : null}
        <TextField
          className="form-grid__wide"
          label={t('console.stages.name')}
          value={name}
          onChange={(event) => setName(event.target.value)}
          error={problemText(lang, form.problems['name'])}
        />
        <TextField
          className="form-grid__wide"
          label={t('console.stages.venue')}
          value={venue}
          onChange={(event) => setVenue(event.target.value)}
        />
        <TextField
          label={t('console.stages.startsOn')}
          type="date"
          value={startsOn}
          onChange={(event) => setStartsOn(event.target.value)}
          error={problemText(lang, form.problems['startsOn'])}
        />
        <TextField
          label={t('console.stages.endsOn')}
          type="date"
          value={endsOn}
          onChange={(event) => setEndsOn(event.target.value)}
          error={problemText(lang, form.problems['endsOn'])}
        />
      </div>
      <Button type="submit" busy={form.busy}>
        {t('console.stages.submit')}
      </Button>
    </form>
  );
}
