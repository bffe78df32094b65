import { routes } from '@olympiad/contracts';
import type { MessageKey } from '@olympiad/i18n';
import {
  Button,
  describeError,
  SelectField,
  StatusBanner,
  TextField,
  type ApiClient,
  useLanguage,
  useQuery,
} from '@olympiad/ui';
import { useState } from 'react';
import { presetLabel } from './rule-set-text';

const DISCIPLINES = ['maze', 'sumo', 'programming', 'creative'] as const;
const AGE_GROUPS = [
  { label: '1–2', minGrade: 1, maxGrade: 2 },
  { label: '3–4', minGrade: 3, maxGrade: 4 },
  { label: '5–6', minGrade: 5, maxGrade: 6 },
  { label: '7–9', minGrade: 7, maxGrade: 9 },
  { label: '10–11', minGrade: 10, maxGrade: 11 },
];

/** A category = discipline × age group, created from a rule-set preset; the name is suggested. */
export function CreateCategoryForm({
  api,
  stageId,
  onCreated,
}: {
  api: ApiClient;
  stageId: string;
  onCreated: () => void;
}) {
  const { lang, t } = useLanguage();
  const presets = useQuery((signal) => api.call(routes.categories.presets, {}, { signal }), [api]);
  const [discipline, setDiscipline] = useState<(typeof DISCIPLINES)[number]>('maze');
  const [preset, setPreset] = useState('');
  const [group, setGroup] = useState('3–4');
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);

  const choices = (presets.data ?? []).filter((candidate) => candidate.discipline === discipline);
  const chosenPreset =
    choices.find((candidate) => candidate.name === preset)?.name ?? choices[0]?.name ?? '';
  const ageGroup = AGE_GROUPS.find((candidate) => candidate.label === group) ?? AGE_GROUPS[1];
  const suggested = `${t(`discipline.${discipline}` as MessageKey)} ${ageGroup.label}`;

  const submit = async () => {
    setBusy(true);
    setOutcome(null);
    const finalName = name.trim() || suggested;
    try {
      await api.call(routes.categories.create, {
        body: { stageId, discipline, ageGroup, name: finalName, preset: chosenPreset },
      });
      setOutcome({ kind: 'success', text: t('console.categories.created', { name: finalName }) });
      setName('');
      onCreated();
    } catch (error) {
      setOutcome({ kind: 'error', text: describeError(lang, error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="ui-card"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <h3>{t('console.categories.new')}</h3>
      {outcome ? <StatusBanner kind={outcome.kind}>{outcome.text}</StatusBanner> : null}
      {presets.status === 'error' ? (
        <StatusBanner kind="error">{describeError(lang, presets.error)}</StatusBanner>
      ) : null}
      <div className="form-grid">
        <SelectField
          label={t('console.categories.discipline')}
          options={DISCIPLINES.map((value) => ({
            value,
            label: t(`discipline.${value}` as MessageKey),
          }))}
          value={discipline}
          onChange={(value) => {
            setDiscipline(value);
            setPreset('');
          }}
        />
        <SelectField
          label={t('console.categories.ageGroup')}
          options={AGE_GROUPS.map((value) => ({ value: value.label, label: value.label }))}
          value={group}
          onChange={setGroup}
        />
        <SelectField
          className="form-grid__wide"
          label={t('console.categories.preset')}
          options={choices.map((value) => ({
            value: value.name,
            label: presetLabel(lang, value.name),
          }))}
          value={chosenPreset}
          onChange={setPreset}
        />
        <TextField
          className="form-grid__wide"
          label={t('console.categories.name')}
          placeholder={suggested}
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
      </div>
      <Button type="submit" busy={busy} disabled={!chosenPreset}>
        {t('console.categories.submit')}
      </Button>
    </form>
  );
}
