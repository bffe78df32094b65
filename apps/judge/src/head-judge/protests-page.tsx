import {
  routes,
  type CategoryProtests,
  type LedgerEntry,
  type LedgerEntryInput,
  type Protest,
  type ProtestTarget,
} from '@olympiad/contracts';
import { formatClockTime, type MessageKey } from '@olympiad/i18n';
import {
  Button,
  ChoiceGroup,
  describeError,
  SelectField,
  StatusBanner,
  TextField,
  useLanguage,
  type ApiClient,
} from '@olympiad/ui';
import { useState } from 'react';
import { useJudge } from '../app/judge-context';
import { CategoryDataPending } from '../category/category-data-pending';
import { HeadJudgeScreen } from './head-judge-screen';
import { useHeadJudgeList } from './use-head-judge-list';
import { CorrectionForm } from './correction-form';
import { entrySummary } from './entry-summary';
import { photoForUpload } from './protest-photo-input';
import { correctableEntries, matchesOfTeam } from './protest-targets';
import './protests.css';

/**
 * The head judge's protests of one category (docs/judge-tablet.md#protests): record one while the
 * window is open, and decide the open ones — uphold with a correction that goes through the ledger
 * linked to the protest, or reject with a reason. Both need the server; nothing waits offline.
 */
const loadProtests = (api: ApiClient, id: string): Promise<CategoryProtests> =>
  api.call(routes.protests.listForCategory, { params: { id } });

export function ProtestsPage({ categoryId }: { categoryId: string }) {
  const { t } = useLanguage();
  const { online } = useJudge();
  const { state, list, failure, reload } = useHeadJudgeList(categoryId, loadProtests);

  const data = state.data;
  if (!data) return <CategoryDataPending state={state} />;
  const names = new Map(data.teams.map((team) => [team.id, team.name]));
  const open = list?.protests.filter((protest) => protest.status === 'open') ?? [];
  const decided = list?.protests.filter((protest) => protest.status !== 'open') ?? [];

  return (
    <HeadJudgeScreen
      name="protests"
      categoryId={categoryId}
      categoryName={data.category.name}
      title={t('judge.protests.title', { name: data.category.name })}
      needsConnection={t('judge.protests.needsConnection')}
      failure={failure}
    >
      {list ? <WindowNotice list={list} /> : null}
      <div className="panel">
        <h3 data-testid="open-protests">{t('protests.openCount', { count: open.length })}</h3>
        <ul className="protest-list">
          {open.map((protest) => (
            <li key={protest.id} className="protest" data-protest={protest.id}>
              <ProtestSummary protest={protest} ledger={data.ledger} names={names} />
              <DecideProtest
                protest={protest}
                ledger={data.ledger}
                ruleSet={data.category.ruleSet}
                teamName={names.get(protest.teamId) ?? protest.teamName}
                disabled={!online}
                onDecided={reload}
              />
            </li>
          ))}
        </ul>
      </div>
      <RecordProtestForm
        teams={data.teams}
        ledger={data.ledger}
        categoryId={categoryId}
        disabled={!online}
        onRecorded={reload}
      />
      {decided.length > 0 ? (
        <div className="panel">
          <h3>{t('judge.protests.decided')}</h3>
          <ul className="protest-list">
            {decided.map((protest) => (
              <li key={protest.id} className="protest" data-protest={protest.id}>
                <ProtestSummary protest={protest} ledger={data.ledger} names={names} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </HeadJudgeScreen>
  );
}

function WindowNotice({ list }: { list: CategoryProtests }) {
  const { lang, t } = useLanguage();
  if (list.deadline === null) {
    // The rule reads as a statement among the rules; alone on the screen it is a sentence.
    const rule = t('rules.protestWindow', { count: list.windowMinutes });
    return (
      <StatusBanner kind="info">
        {rule.charAt(0).toLocaleUpperCase(lang) + rule.slice(1)}.
      </StatusBanner>
    );
  }
  const time = formatClockTime(list.deadline, lang);
  return list.accepting ? (
    <StatusBanner kind="info">{t('protests.until', { time })}</StatusBanner>
  ) : (
    <StatusBanner kind="error">{t('protests.closed', { time })}</StatusBanner>
  );
}

export function targetText(
  t: ReturnType<typeof useLanguage>['t'],
  target: ProtestTarget,
  ledger: readonly LedgerEntry[],
  teamName: (id: string) => string,
): string {
  if (target.kind === 'ranking') return t('protests.target.ranking');
  if (target.kind === 'match') return t('protests.target.match', { id: target.matchId });
  const entry = ledger.find((row) => row.id === target.entryId);
  return t('protests.target.entry', {
    team: entry?.teamId ? teamName(entry.teamId) : '…',
    summary: entry ? entrySummary(t, entry.kind, entry.payload, { teamName }) : target.entryId,
  });
}

function ProtestSummary({
  protest,
  ledger,
  names,
}: {
  protest: Protest;
  ledger: readonly LedgerEntry[];
  names: ReadonlyMap<string, string>;
}) {
  const { lang, t } = useLanguage();
  const teamName = (id: string) => names.get(id) ?? '…';
  return (
    <div className="protest__summary">
      <p>
        <span
          className={`chip chip--${protest.status === 'open' ? 'locked' : protest.status === 'upheld' ? 'ok' : 'off'}`}
        >
          {t(`protests.status.${protest.status}` as MessageKey)}
        </span>{' '}
        <strong>{protest.teamName}</strong> · {targetText(t, protest.target, ledger, teamName)}
      </p>
      <p>{protest.reason}</p>
      <p className="protest__meta">
        {t('protests.received', {
          who: protest.protestedBy,
          time: formatClockTime(protest.receivedAt, lang),
          judge: protest.recordedBy.name,
        })}
        {protest.attachments.length > 0
          ? ` · ${t('protests.photos', { count: protest.attachments.length })}`
          : ''}
      </p>
      {protest.decision ? (
        <p className="protest__decision">
          {t('protests.decision', {
            name: protest.decision.by.name,
            time: formatClockTime(protest.decision.at, lang),
            reason: protest.decision.reason,
          })}
        </p>
      ) : null}
    </div>
  );
}

function RecordProtestForm({
  teams,
  ledger,
  categoryId,
  disabled,
  onRecorded,
}: {
  teams: readonly { id: string; name: string }[];
  ledger: readonly LedgerEntry[];
  categoryId: string;
  disabled: boolean;
  onRecorded: () => void;
}) {
  const { lang, t } = useLanguage();
  const { api } = useJudge();
  const [teamId, setTeamId] = useState('');
  const [target, setTarget] = useState('ranking');
  // Whose entries the target list shows: the protesting team's own by default, or a rival's.
  const [entriesOf, setEntriesOf] = useState('');
  const [protestedBy, setProtestedBy] = useState('');
  const [reason, setReason] = useState('');
  const [photos, setPhotos] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const names = new Map(teams.map((team) => [team.id, team.name]));
  const owner = entriesOf || teamId;
  const ownerEntries = ledger.filter((row) => row.teamId === owner && row.kind !== 'void');
  const matchIds = matchesOfTeam(ledger, teamId);
  const targets = [
    { value: 'ranking', label: t('protests.target.ranking') },
    ...matchIds.map((id) => ({ value: `match:${id}`, label: t('protests.target.match', { id }) })),
    ...ownerEntries.map((row) => ({
      value: `entry:${row.id}`,
      label: targetText(
        t,
        { kind: 'entry', entryId: row.id },
        ledger,
        (id) => names.get(id) ?? '…',
      ),
    })),
  ];

  async function addPhoto(file: File | undefined) {
    if (!file) return;
    try {
      const data = await photoForUpload(file);
      setPhotos((current) => [...current, data].slice(-2));
    } catch (caught) {
      setError(describeError(lang, caught));
    }
  }

  async function record() {
    if (!teamId || protestedBy.trim().length < 2 || reason.trim().length < 3) {
      setError(t('judge.protests.required'));
      return;
    }
    const chosen: ProtestTarget = target.startsWith('entry:')
      ? { kind: 'entry', entryId: target.slice('entry:'.length) }
      : target.startsWith('match:')
        ? { kind: 'match', matchId: target.slice('match:'.length) }
        : { kind: 'ranking' };
    setBusy(true);
    setError(null);
    try {
      await api.call(routes.protests.record, {
        body: {
          categoryId,
          teamId,
          target: chosen,
          protestedBy: protestedBy.trim(),
          reason: reason.trim(),
          attachments: photos.map((data) => ({ data })),
        },
      });
      setTeamId('');
      setEntriesOf('');
      setTarget('ranking');
      setProtestedBy('');
      setReason('');
      setPhotos([]);
      onRecorded();
    } catch (caught) {
      setError(describeError(lang, caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className="panel protest-form"
      aria-labelledby="protest-form-title"
      onSubmit={(event) => {
        event.preventDefault();
        void record();
      }}
    >
      <h3 id="protest-form-title">{t('judge.protests.new')}</h3>
      <SelectField
        label={t('judge.protests.team')}
        value={teamId}
        options={[
          { value: '', label: '—' },
          ...teams.map((team) => ({ value: team.id, label: team.name })),
        ]}
        onChange={(value) => {
          setTeamId(value);
          setEntriesOf('');
          setTarget('ranking');
        }}
      />
      {teamId ? (
        <SelectField
          label={t('judge.protests.entriesOf')}
          value={owner}
          options={teams.map((team) => ({ value: team.id, label: team.name }))}
          onChange={(value) => {
            setEntriesOf(value);
            setTarget('ranking');
          }}
        />
      ) : null}
      {teamId ? (
        <ChoiceGroup
          label={t('judge.protests.target')}
          options={targets}
          value={target}
          onChange={setTarget}
        />
      ) : null}
      <TextField
        label={t('judge.protests.protestedBy')}
        value={protestedBy}
        onChange={(event) => setProtestedBy(event.target.value)}
      />
      <TextField
        label={t('judge.protests.reason')}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
      />
      <label className="ui-button ui-button--secondary ui-button--large protest-form__photo">
        {t('judge.protests.photo')}
        <input
          type="file"
          accept="image/*"
          capture="environment"
          hidden
          onChange={(event) => void addPhoto(event.target.files?.[0])}
        />
      </label>
      {photos.length > 0 ? <p>{t('protests.photos', { count: photos.length })}</p> : null}
      {error ? <StatusBanner kind="error">{error}</StatusBanner> : null}
      <Button large type="submit" busy={busy} disabled={disabled}>
        {t('judge.protests.submit')}
      </Button>
    </form>
  );
}

function DecideProtest({
  protest,
  ledger,
  ruleSet,
  teamName,
  disabled,
  onDecided,
}: {
  protest: Protest;
  ledger: readonly LedgerEntry[];
  ruleSet: Parameters<typeof CorrectionForm>[0]['ruleSet'];
  teamName: string;
  disabled: boolean;
  onDecided: () => void;
}) {
  const { lang, t } = useLanguage();
  const { api } = useJudge();
  const [mode, setMode] = useState<'idle' | 'uphold' | 'reject'>('idle');
  const [entryId, setEntryId] = useState<string | null>(
    protest.target.kind === 'entry' ? protest.target.entryId : null,
  );
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The entry that counts now: a correction replaces the newest of its chain.
  const replacedBy = new Map(
    ledger.filter((row) => row.supersedes).map((row) => [row.supersedes, row]),
  );
  const newest = (id: string) => {
    let row = ledger.find((entry) => entry.id === id);
    while (row && replacedBy.has(row.id)) row = replacedBy.get(row.id);
    return row && row.kind !== 'void' ? row : null;
  };
  const candidates = correctableEntries(ledger, protest.target, protest.teamId);

  async function decide(body: {
    decision: 'upheld' | 'rejected';
    reason: string;
    correction?: LedgerEntryInput;
  }) {
    setBusy(true);
    setError(null);
    try {
      await api.call(routes.protests.decide, { params: { id: protest.id }, body });
      setMode('idle');
      onDecided();
    } catch (caught) {
      setError(describeError(lang, caught));
      throw caught;
    } finally {
      setBusy(false);
    }
  }

  if (mode === 'idle') {
    return (
      <div className="ui-row">
        <Button large disabled={disabled} onClick={() => setMode('uphold')}>
          {t('judge.protests.uphold')}
        </Button>
        <Button large variant="danger" disabled={disabled} onClick={() => setMode('reject')}>
          {t('judge.protests.reject')}
        </Button>
      </div>
    );
  }
  if (mode === 'reject') {
    return (
      <div className="protest__decide">
        <TextField
          label={t('judge.protests.rejectReason')}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
        />
        {error ? <StatusBanner kind="error">{error}</StatusBanner> : null}
        <div className="ui-row">
          <Button
            large
            variant="danger"
            busy={busy}
            disabled={disabled}
            onClick={() => {
              if (reason.trim().length < 3) setError(t('judge.review.reasonRequired'));
              else
                void decide({ decision: 'rejected', reason: reason.trim() }).catch(() => undefined);
            }}
          >
            {t('judge.protests.confirmReject')}
          </Button>
          <Button variant="ghost" onClick={() => setMode('idle')}>
            {t('common.cancel')}
          </Button>
        </div>
      </div>
    );
  }
  const row = entryId ? newest(entryId) : null;
  return (
    <div className="protest__decide">
      <p>{t('judge.protests.upholdExplain')}</p>
      {row ? (
        <CorrectionForm
          row={row}
          ruleSet={ruleSet}
          teamName={teamName}
          onDone={() => setMode('idle')}
          submit={(correction) =>
            decide({ decision: 'upheld', reason: correction.reason ?? '', correction })
          }
        />
      ) : candidates.length === 0 ? (
        <StatusBanner kind="info">{t('judge.protests.noEntries')}</StatusBanner>
      ) : (
        <ChoiceGroup
          label={t('judge.protests.pickEntry')}
          options={candidates.map((candidate) => ({
            value: candidate.id,
            label: entrySummary(t, candidate.kind, candidate.payload, { teamName: () => teamName }),
          }))}
          value={entryId}
          onChange={setEntryId}
        />
      )}
      {error ? <StatusBanner kind="error">{error}</StatusBanner> : null}
      {row ? null : (
        <Button variant="ghost" onClick={() => setMode('idle')}>
          {t('common.cancel')}
        </Button>
      )}
    </div>
  );
}
