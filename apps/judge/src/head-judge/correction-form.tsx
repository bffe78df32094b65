import type { LedgerEntry, LedgerEntryInput } from '@olympiad/contracts';
import {
  type FieldError,
  formatResultTime,
  parseResultTime,
  type RuleSet,
  VOID,
} from '@olympiad/scoring';
import { Button, describeError, StatusBanner, TextField, useLanguage } from '@olympiad/ui';
import { useRef, useState } from 'react';
import { useJudge } from '../app/judge-context';
import { fieldErrorText } from '../category/field-error-text';
import { buildEntry, newEntryId } from '../category/new-entry';

/**
 * The head judge's correction of one entry: a new entry that supersedes it (or a void entry that
 * removes it), always with a reason; the original stays in the ledger and in the history. A field
 * the head judge did not change goes into the correction exactly as the entry has it, so a time
 * keeps every digit its timing source gave (docs/judge-tablet.md).
 */
export function CorrectionForm({
  row,
  ruleSet,
  teamName,
  onDone,
  submit,
}: {
  row: LedgerEntry;
  ruleSet: RuleSet;
  teamName: string;
  onDone: () => void;
  /** Sends the correction itself (an upheld protest, online only) instead of through the outbox. */
  submit?: (entry: LedgerEntryInput) => Promise<void>;
}) {
  const { lang, t } = useLanguage();
  const { outbox } = useJudge();
  const p = row.payload as Record<string, unknown>;
  const [reason, setReason] = useState('');
  const [original] = useState(() => ({
    time: typeof p['timeMs'] === 'number' ? formatResultTime(p['timeMs'], 'ms') : '',
    touches: String(p['touches'] ?? 0),
    points: String(p['points'] ?? ''),
  }));
  const [timeText, setTimeText] = useState(original.time);
  const [touches, setTouches] = useState(original.touches);
  const [points, setPoints] = useState(original.points);
  const [json, setJson] = useState(JSON.stringify(row.payload, null, 1));
  const [errors, setErrors] = useState<string[]>([]);
  // One id per decision (correct or void) and no second send meanwhile: a double tap records once.
  const [entryIds] = useState(() => ({ correct: newEntryId(), void: newEntryId() }));
  const [busy, setBusy] = useState(false);
  const sending = useRef(false);

  /** What the field holds: the entry's own value while it reads as it did, else what was typed. */
  const edited = <T,>(text: string, was: string, value: unknown, read: (text: string) => T) =>
    text.trim() === was ? value : read(text);

  function payload(): Record<string, unknown> | null {
    if (row.kind === 'maze.attempt') {
      return {
        ...p,
        timeMs:
          p['outcome'] === 'finished'
            ? edited(timeText, original.time, p['timeMs'], parseResultTime)
            : p['timeMs'],
        touches: edited(touches, original.touches, p['touches'], wholeNumber),
      };
    }
    if (row.kind === 'programming.task')
      return { ...p, points: edited(points, original.points, p['points'], wholeNumber) };
    try {
      return JSON.parse(json) as Record<string, unknown>;
    } catch {
      return null;
    }
  }

  const timeInvalid =
    row.kind === 'maze.attempt' &&
    p['outcome'] === 'finished' &&
    timeText.trim() !== original.time &&
    parseResultTime(timeText) === null;

  async function send(kind: 'correct' | 'void') {
    if (!reason.trim()) {
      setErrors([t('judge.review.reasonRequired')]);
      return;
    }
    if (kind === 'correct' && timeInvalid) {
      setErrors([t('judge.maze.timeInvalid')]);
      return;
    }
    const body = kind === 'void' ? { reason: reason.trim() } : payload();
    if (!body) {
      setErrors([t('judge.review.badJson')]);
      return;
    }
    const built = buildEntry(ruleSet, {
      id: entryIds[kind],
      categoryId: row.categoryId,
      teamId: row.teamId,
      kind: kind === 'void' ? VOID : row.kind,
      payload: body,
      supersedes: row.id,
      reason: reason.trim(),
    });
    if (!built.ok) {
      setErrors(built.errors.map((e: FieldError) => fieldErrorText(lang, e)));
      return;
    }
    if (sending.current) return;
    sending.current = true;
    setBusy(true);
    try {
      if (submit) await submit(built.entry);
      else
        await outbox.add(
          built.entry,
          `${teamName} · ${t(kind === 'void' ? 'judge.review.voided' : 'judge.review.corrected')}`,
        );
    } catch (error) {
      setErrors([describeError(lang, error)]);
      return;
    } finally {
      sending.current = false;
      setBusy(false);
    }
    onDone();
  }

  return (
    <div className="correction">
      {row.kind === 'maze.attempt' ? (
        <div className="ui-row">
          {p['outcome'] === 'finished' ? (
            <TextField
              label={t('judge.maze.timeField')}
              inputMode="decimal"
              value={timeText}
              onChange={(e) => setTimeText(e.target.value)}
              error={timeInvalid ? t('judge.maze.timeInvalid') : null}
            />
          ) : null}
          <TextField
            label={t('judge.maze.touches')}
            inputMode="numeric"
            value={touches}
            onChange={(e) => setTouches(e.target.value)}
          />
        </div>
      ) : row.kind === 'programming.task' ? (
        <TextField
          label={t('judge.programming.points')}
          inputMode="numeric"
          value={points}
          onChange={(e) => setPoints(e.target.value)}
        />
      ) : (
        <label className="ui-field">
          <span className="ui-field__label">{t('judge.review.payload')}</span>
          <textarea
            className="ui-field__input"
            rows={5}
            value={json}
            onChange={(e) => setJson(e.target.value)}
          />
        </label>
      )}
      <TextField
        label={t('judge.review.reason')}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
      {errors.length > 0 ? <StatusBanner kind="error">{errors.join(' ')}</StatusBanner> : null}
      <div className="ui-row">
        <Button busy={busy} onClick={() => void send('correct')}>
          {t('judge.review.saveCorrection')}
        </Button>
        <Button variant="danger" disabled={busy} onClick={() => void send('void')}>
          {t('judge.review.voidEntry')}
        </Button>
        <Button variant="ghost" onClick={onDone}>
          {t('common.cancel')}
        </Button>
      </div>
    </div>
  );
}

/** A count as typed: digits only, so a cleared field is an error rather than 0. */
function wholeNumber(text: string): number {
  return /^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
}
