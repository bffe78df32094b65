import { routes, type CategoryInspections, type Inspection } from '@olympiad/contracts';
import { formatClockTime, type MessageKey } from '@olympiad/i18n';
import { checkInspection } from '@olympiad/scoring';
import {
  Button,
  describeError,
  SelectField,
  StatusBanner,
  TextField,
  useLanguage,
} from '@olympiad/ui';
import { useState } from 'react';
import { useJudge } from '../app/judge-context';
import { CategoryDataPending } from '../category/category-data-pending';
import { HeadJudgeScreen } from '../head-judge/head-judge-screen';
import { useCategoryData } from '../category/use-category-data';
import { failureText, latestByTeam, limitsText } from './inspection-text';
import { useInspections } from './use-inspections';
import './inspection.css';

const LIMITS = ['massG', 'widthMm', 'lengthMm'] as const;
type Limit = (typeof LIMITS)[number];

/**
 * The head judge's technical inspection of one category (docs/judge-tablet.md#inspection): pick a
 * team, enter what the scale and the ruler show, see pass or fail against the rules' limits as it
 * is typed, save; the list shows each team's latest state, and a team is re-inspected the same way.
 */
export function InspectionPage({ categoryId }: { categoryId: string }) {
  const { lang, t } = useLanguage();
  const { online } = useJudge();
  const state = useCategoryData(categoryId);
  const { list, failure, reload } = useInspections(categoryId);
  const [teamId, setTeamId] = useState('');

  const data = state.data;
  if (!data) return <CategoryDataPending state={state} />;
  const latest = latestByTeam(list?.inspections ?? []);
  return (
    <HeadJudgeScreen
      name="inspection"
      categoryId={categoryId}
      categoryName={data.category.name}
      title={t('inspection.title', { name: data.category.name })}
      needsConnection={t('inspection.needsConnection')}
      failure={failure}
    >
      {list?.limits ? (
        <StatusBanner kind="info">
          {t(list.required ? 'inspection.required' : 'inspection.notRequired')}{' '}
          {t('inspection.limits', { list: limitsText(t, list.limits) })}
        </StatusBanner>
      ) : null}
      {list?.limits ? (
        <InspectionForm
          key={teamId}
          list={list}
          teams={data.teams}
          teamId={teamId}
          onTeam={setTeamId}
          disabled={!online}
          onSaved={reload}
        />
      ) : null}
      <div className="panel">
        <ul className="inspection-list">
          {data.teams.map((team) => {
            const row = latest.get(team.id);
            const history = list?.inspections.filter((r) => r.teamId === team.id).length ?? 0;
            const status = row ? (row.passed ? 'passed' : 'failed') : 'none';
            return (
              <li key={team.id} className="inspection-row" data-team={team.id}>
                <div className="inspection-row__text">
                  <span
                    className={`chip chip--${status === 'passed' ? 'ok' : status === 'failed' ? 'locked' : 'off'}`}
                    data-testid="inspection-state"
                  >
                    {t(`inspection.state.${status}` as MessageKey)}
                  </span>{' '}
                  <strong>{team.name}</strong>
                  {row ? <Measurements row={row} /> : null}
                  {row ? (
                    <span className="inspection-row__meta">
                      {t('inspection.by', {
                        time: formatClockTime(row.inspectedAt, lang),
                        judge: row.inspectedByName,
                      })}{' '}
                      · {t('inspection.history', { count: history })}
                    </span>
                  ) : null}
                </div>
                <Button
                  large
                  variant="secondary"
                  disabled={!online || !list?.limits}
                  onClick={() => {
                    setTeamId(team.id);
                    window.scrollTo({ top: 0 });
                  }}
                >
                  {t(row ? 'inspection.reinspect' : 'inspection.open')}
                </Button>
              </li>
            );
          })}
        </ul>
      </div>
    </HeadJudgeScreen>
  );
}

function Measurements({ row }: { row: Inspection }) {
  const { t } = useLanguage();
  const shown = LIMITS.filter((limit) => row[limit] !== null).map(
    (limit) => `${t(`inspection.field.${limit}` as MessageKey)} ${row[limit]}`,
  );
  return (
    <span className="inspection-row__measured">
      {shown.join(' · ')}
      {row.passed ? '' : ` — ${failureText(t, row)}`}
    </span>
  );
}

function InspectionForm({
  list,
  teams,
  teamId,
  onTeam,
  disabled,
  onSaved,
}: {
  list: CategoryInspections;
  teams: readonly { id: string; name: string }[];
  teamId: string;
  onTeam: (teamId: string) => void;
  disabled: boolean;
  onSaved: () => void;
}) {
  const { lang, t } = useLanguage();
  const { api } = useJudge();
  const limits = list.limits;
  const [values, setValues] = useState<Record<Limit, string>>({
    massG: '',
    widthMm: '',
    lengthMm: '',
  });
  const [failReason, setFailReason] = useState('');
  const [notes, setNotes] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!limits) return null;
  const applies = LIMITS.filter((limit) => limits[limit] !== null);
  const number = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : null);
  const measured = {
    massG: number(values.massG),
    widthMm: number(values.widthMm),
    lengthMm: number(values.lengthMm),
  };
  const verdict = checkInspection(limits, measured);
  const complete = applies.every((limit) => measured[limit] !== null);
  const passes = verdict.passed && failReason.trim() === '';

  async function save() {
    if (!teamId || !complete) {
      setError(t('inspection.pickTeam'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api.call(routes.inspections.record, {
        body: {
          categoryId: list.categoryId,
          teamId,
          ...measured,
          failReason: failReason.trim() === '' ? null : failReason.trim(),
          notes: notes.trim(),
        },
      });
      setSaved(true);
      onSaved();
    } catch (caught) {
      setError(describeError(lang, caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="panel inspection-form">
      <SelectField
        label={t('inspection.team')}
        value={teamId}
        options={[
          { value: '', label: '—' },
          ...teams.map((team) => ({ value: team.id, label: team.name })),
        ]}
        onChange={onTeam}
      />
      <div className="inspection-form__measures">
        {applies.map((limit) => (
          <TextField
            key={limit}
            label={t(`inspection.field.${limit}` as MessageKey)}
            inputMode="numeric"
            value={values[limit]}
            onChange={(event) => {
              setSaved(false);
              setValues((current) => ({ ...current, [limit]: event.target.value }));
            }}
          />
        ))}
      </div>
      <TextField
        label={t('inspection.failReason')}
        value={failReason}
        onChange={(event) => setFailReason(event.target.value)}
      />
      <TextField
        label={t('inspection.notes')}
        value={notes}
        onChange={(event) => setNotes(event.target.value)}
      />
      {complete ? (
        <p
          className={`inspection-verdict inspection-verdict--${passes ? 'pass' : 'fail'}`}
          data-testid="inspection-verdict"
          role="status"
        >
          {passes
            ? t('inspection.verdict.pass')
            : t('inspection.verdict.fail', {
                list: failureText(t, {
                  failures: verdict.failures,
                  failReason: failReason.trim() || null,
                }),
              })}
        </p>
      ) : null}
      {error ? <StatusBanner kind="error">{error}</StatusBanner> : null}
      {saved ? <StatusBanner kind="success">{t('inspection.saved')}</StatusBanner> : null}
      <Button large busy={busy} disabled={disabled || !teamId || !complete} onClick={save}>
        {t('inspection.save')}
      </Button>
    </div>
  );
}
