import {
  routes,
  type DoubleEntrySlot,
  type LedgerEntry,
  type LedgerEntryInput,
} from '@olympiad/contracts';
import type { FieldError } from '@olympiad/scoring';
import {
  Button,
  describeError,
  StatusBanner,
  TextField,
  useLanguage,
  type ApiClient,
} from '@olympiad/ui';
import { useRef, useState } from 'react';
import { useJudge } from '../app/judge-context';
import { CategoryDataPending } from '../category/category-data-pending';
import { fieldErrorText } from '../category/field-error-text';
import { buildEntry, newEntryId } from '../category/new-entry';
import { CorrectionForm } from './correction-form';
import { entrySummary } from './entry-summary';
import { HeadJudgeScreen } from './head-judge-screen';
import { useHeadJudgeList } from './use-head-judge-list';
import type { CategoryData } from '../category/use-category-data';
import './double-entry.css';

/**
 * The head judge's double-entry review (docs/judge-tablet.md#double-entry): every attempt or match
 * whose two judges' entries differ, both side by side, and the decision — one of the two or a
 * third value — with a reason, straight to the server (it supersedes the attempt's stand-in).
 */
const loadDoubleEntries = (api: ApiClient, id: string): Promise<DoubleEntrySlot[]> =>
  api.call(routes.doubleEntry.list, { params: { id } });

export function DoubleEntryPage({ categoryId }: { categoryId: string }) {
  const { t } = useLanguage();
  const { state, list: slots, failure, reload } = useHeadJudgeList(categoryId, loadDoubleEntries);

  const data = state.data;
  if (!data) return <CategoryDataPending state={state} />;
  const names = new Map(data.teams.map((team) => [team.id, team.name]));
  const inReview = slots?.filter((slot) => slot.state === 'in-review') ?? [];
  const awaiting = slots?.filter((slot) => slot.state === 'awaiting-second') ?? [];

  return (
    <HeadJudgeScreen
      name="double-entry"
      categoryId={categoryId}
      categoryName={data.category.name}
      title={t('judge.double.title', { name: data.category.name })}
      needsConnection={t('judge.double.needsConnection')}
      failure={failure}
    >
      <div className="panel">
        <h3 data-testid="in-review-count">
          {t('judge.double.inReview', { count: inReview.length })}
        </h3>
        <ul className="double-list">
          {inReview.map((slot) => (
            <li key={slot.slot} className="double-slot" data-slot={slot.slot}>
              <DecideSlot
                slot={slot}
                data={data}
                teamName={teamNameOf(slot, names)}
                onDecided={reload}
              />
            </li>
          ))}
        </ul>
      </div>
      <div className="panel">
        <h3>{t('judge.double.awaiting', { count: awaiting.length })}</h3>
        <ul className="double-list">
          {awaiting.map((slot) => (
            <li key={slot.slot} className="double-slot double-slot--awaiting">
              {teamNameOf(slot, names)} ·{' '}
              {t('judge.double.enteredBy', { name: slot.entries[0]?.author.name ?? '' })}
            </li>
          ))}
        </ul>
      </div>
    </HeadJudgeScreen>
  );
}

function teamNameOf(slot: DoubleEntrySlot, names: Map<string, string>): string {
  return slot.teams.map((id) => names.get(id) ?? '…').join(' — ');
}

function DecideSlot({
  slot,
  data,
  teamName,
  onDecided,
}: {
  slot: DoubleEntrySlot;
  data: CategoryData;
  teamName: string;
  onDecided: () => void;
}) {
  const { lang, t } = useLanguage();
  const { api } = useJudge();
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [third, setThird] = useState(false);
  // One id per decision: a double tap records once.
  const [decisionId] = useState(newEntryId);
  const sending = useRef(false);
  const ruleSet = data.category.ruleSet;

  async function send(entry: LedgerEntryInput) {
    if (sending.current) return;
    sending.current = true;
    setBusy(true);
    try {
      await api.call(routes.ledger.record, { body: entry });
      onDecided();
    } catch (error) {
      setErrors([describeError(lang, error)]);
    } finally {
      sending.current = false;
      setBusy(false);
    }
  }

  function take(payload: Record<string, unknown>) {
    if (!reason.trim()) {
      setErrors([t('judge.review.reasonRequired')]);
      return;
    }
    const built = buildEntry(ruleSet, {
      id: decisionId,
      categoryId: data.category.id,
      teamId: slot.teamId,
      kind: slot.kind,
      payload,
      supersedes: slot.headEntryId,
      reason: reason.trim(),
    });
    if (!built.ok) {
      setErrors(built.errors.map((error: FieldError) => fieldErrorText(lang, error)));
      return;
    }
    void send(built.entry);
  }

  // The third value starts from the first entry; the decision supersedes the stand-in.
  const standIn: LedgerEntry = {
    seq: 0,
    id: slot.headEntryId,
    stageId: data.category.stageId,
    categoryId: data.category.id,
    teamId: slot.teamId,
    kind: slot.kind,
    payload: slot.entries[0]?.payload ?? {},
    supersedes: null,
    reason: null,
    authorId: '',
    authorRole: 'judge',
    deviceId: null,
    recordedAt: slot.entries[0]?.recordedAt ?? '',
    awaitsConfirmation: false,
    receivedAt: '',
  };

  return (
    <div className="double-slot__body">
      <h4 className="double-slot__team">{teamName}</h4>
      {third ? null : (
        <TextField
          label={t('judge.review.reason')}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
        />
      )}
      <div className="double-slot__pair">
        {slot.entries.map((entry) => (
          <div key={entry.id} className="double-entry" data-entry={entry.id}>
            <p className="double-entry__author">{entry.author.name}</p>
            <p className="double-entry__value" data-testid="double-entry-value">
              {entrySummary(t, slot.kind, entry.payload, { teamName: () => teamName })}
            </p>
            <Button large block variant="secondary" busy={busy} onClick={() => take(entry.payload)}>
              {t('judge.double.take', { name: entry.author.name })}
            </Button>
          </div>
        ))}
      </div>
      {third ? (
        <CorrectionForm
          row={standIn}
          ruleSet={ruleSet}
          teamName={teamName}
          onDone={() => setThird(false)}
          submit={(entry) => send(entry)}
        />
      ) : (
        <Button large variant="ghost" onClick={() => setThird(true)}>
          {t('judge.double.thirdValue')}
        </Button>
      )}
      {errors.length > 0 ? <StatusBanner kind="error">{errors.join(' ')}</StatusBanner> : null}
    </div>
  );
}
