import {
  type FieldError,
  formatResultTime,
  MAZE_ATTEMPT,
  mazeAttemptPayloadSchema,
  type MazeRuleSet,
  parseResultTime,
  provisionalMazeAttempt,
  sameAsProvisional,
  scoreMazeAttempt,
  type TimePrecision,
  timePrecisionOf,
} from '@olympiad/scoring';
import { routes, type Category } from '@olympiad/contracts';
import { Button, ChoiceGroup, StatusBanner, TextField, useLanguage } from '@olympiad/ui';
import { useEffect, useRef, useState } from 'react';
import { useJudge } from '../app/judge-context';
import { fieldErrorText } from '../category/field-error-text';
import { buildEntry, newEntryId } from '../category/new-entry';
import type { RecordedAttempt } from './attempt-recorded';
import { idleStall, restartStall, stallExpired, startStall, stopStall } from './stall-countdown';
import { StallTimer } from './stall-timer';
import { Stopwatch } from './stopwatch';
import { useTicker } from './use-ticker';

type Outcome = 'finished' | 'not-finished' | 'void';
type EndedBy = 'stall' | 'time-limit' | 'left-course' | 'judge';

export interface MazeAttemptFormProps {
  category: Category;
  ruleSet: MazeRuleSet;
  teamId: string;
  teamName: string;
  attempt: number;
  /** The finish time from the field's sensor, once the run finished. */
  sensorMs: number | null;
  /** The field whose finished run this attempt confirms (cleared after confirming). */
  fieldId: string | null;
  /** The provisional attempt the finish gate recorded: confirming supersedes it with the judge's entry. */
  provisionalEntryId: string | null;
  /** Called once the attempt is confirmed or voided (the field's run is then settled), with what was recorded. */
  onConfirmed: (recorded: RecordedAttempt) => void;
  /** The judge changed something in this attempt (the previous confirmation is then old news). */
  onEdit?: () => void;
  /** performance.now() when the field's start gate started this attempt; null until then. */
  runStartedAt?: number | null;
}

/** Touches, checkpoints, outcome and time of one attempt, its result as the rules count it, confirm. */
export function MazeAttemptForm(props: MazeAttemptFormProps) {
  const {
    category,
    ruleSet,
    teamId,
    teamName,
    attempt,
    sensorMs,
    fieldId,
    provisionalEntryId,
    onConfirmed,
    onEdit,
    runStartedAt = null,
  } = props;
  const { lang, t } = useLanguage();
  const { outbox, api } = useJudge();
  const params = ruleSet.params;
  const [outcome, setOutcome] = useState<Outcome>('finished');
  const [endedBy, setEndedBy] = useState<EndedBy>('stall');
  const [timingChoice, setTiming] = useState<'sensor' | 'stopwatch' | null>(null);
  // The sensor's time is used as soon as it arrives, unless the judge chose the stopwatch.
  const timing = timingChoice ?? (sensorMs !== null ? 'sensor' : 'stopwatch');
  const [timeText, setTimeText] = useState('');
  const [touches, setTouches] = useState(0);
  const [checkpoints, setCheckpoints] = useState<string[]>([]);
  const [checkpointText, setCheckpointText] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [saved, setSaved] = useState<string | null>(null);
  // One UUID for this attempt's entry: a repeated Confirm sends the same entry, stored once.
  const [entryId] = useState(newEntryId);
  const submitting = useRef(false);
  const [busy, setBusy] = useState(false);
  const [stall, setStall] = useState(() => idleStall(params.stallMs));
  const [stalled, setStalled] = useState(false);
  const stallNow = useTicker(stall.state === 'running');
  const stallOver = stallExpired(stall, stallNow);

  // The start gate starts the attempt, and with it the stall countdown; the finish gate stops it
  // (state adjusted while rendering, as React advises for state that follows a prop).
  const [seenStart, setSeenStart] = useState<number | null>(null);
  if (runStartedAt !== null && runStartedAt !== seenStart) {
    setSeenStart(runStartedAt);
    setStall(startStall(stall, runStartedAt));
  }
  const [seenSensor, setSeenSensor] = useState<number | null>(null);
  if (sensorMs !== null && sensorMs !== seenSensor) {
    setSeenSensor(sensorMs);
    setStall(stopStall(stall, stallNow));
  }
  // Out of time without progress: the attempt ends as a stall, once; the judge may still change it.
  if (stallOver && !stalled) {
    setStalled(true);
    setStall(stopStall(stall, stallNow));
    setOutcome('not-finished');
    setEndedBy('stall');
  }

  const draftKey = JSON.stringify([outcome, endedBy, timingChoice, timeText, touches, checkpoints]);
  const firstDraft = useRef(draftKey);
  useEffect(() => {
    if (draftKey !== firstDraft.current) onEdit?.();
  }, [draftKey, onEdit]);

  const timeMs = timing === 'sensor' && sensorMs !== null ? sensorMs : parseResultTime(timeText);
  const payload: Record<string, unknown> = {
    attempt,
    outcome,
    timeMs: outcome === 'finished' ? timeMs : null,
    touches,
    checkpoints: outcome === 'void' ? [] : checkpoints,
    lastCheckpointMs:
      outcome === 'not-finished' && checkpoints.length > 0 ? parseResultTime(checkpointText) : null,
    endedBy: outcome === 'not-finished' ? endedBy : null,
    timing: outcome === 'finished' ? timing : null,
  };
  const parsed = mazeAttemptPayloadSchema.safeParse(payload);
  const result = parsed.success ? scoreMazeAttempt(params, parsed.data) : null;
  // Thousandths from the sensor; by hand, hundredths unless the judge wrote thousandths.
  const shownMs = outcome === 'finished' ? timeMs : (payload['lastCheckpointMs'] as number | null);
  const precision: TimePrecision =
    outcome === 'finished' && timing === 'sensor' ? 'ms' : timePrecisionOf(null, shownMs);

  async function confirm(kindOfSave: 'confirm' | 'void') {
    // A second tap while the first is being saved does nothing (the button is disabled too).
    if (submitting.current || saved !== null) return;
    submitting.current = true;
    setBusy(true);
    try {
      await save(kindOfSave);
    } finally {
      submitting.current = false;
      setBusy(false);
    }
  }

  async function save(kindOfSave: 'confirm' | 'void') {
    const draftPayload =
      kindOfSave === 'void'
        ? {
            attempt,
            outcome: 'void',
            touches,
            checkpoints: [],
            timeMs: null,
            lastCheckpointMs: null,
            endedBy: 'judge',
            timing: null,
          }
        : payload;
    const label = `${teamName} · ${t('judge.maze.attemptN', { attempt, max: params.attempts })}`;
    // Confirming records the judge's entry even when nothing changed: a finish gate's time counts
    // only once a judge confirms it (docs/results-display.md).
    const unchanged =
      provisionalEntryId !== null &&
      sensorMs !== null &&
      sameAsProvisional(
        draftPayload,
        provisionalMazeAttempt(attempt, sensorMs, params.timeLimitMs),
      );
    const built = buildEntry(ruleSet, {
      id: entryId,
      categoryId: category.id,
      teamId,
      kind: MAZE_ATTEMPT,
      payload: draftPayload,
      supersedes: provisionalEntryId,
      reason: provisionalEntryId
        ? t(unchanged ? 'judge.maze.confirmedReason' : 'judge.maze.correctionReason')
        : null,
    });
    if (!built.ok) {
      setErrors(built.errors);
      return;
    }
    setErrors([]);
    await outbox.add(built.entry, label);
    setSaved(built.entry.id);
    const recordedId = built.entry.id;
    onConfirmed({
      entryId: recordedId,
      teamName,
      attempt,
      outcome: kindOfSave === 'void' ? 'void' : outcome,
      result: kindOfSave === 'void' ? null : result,
      precision,
      withPoints: params.checkpoints.length > 0,
    });
    if (fieldId) {
      // The run's time is now in the outbox; free the field for the next team (best effort).
      api.call(routes.runs.cancel, { params: { fieldId } }).catch(() => undefined);
    }
  }

  const touchLabel =
    params.touchPenalty.mode === 'time'
      ? t('judge.maze.touchTime', { seconds: params.touchPenalty.ms / 1000 })
      : params.touchPenalty.mode === 'points'
        ? t('judge.maze.touchPoints', { points: params.touchPenalty.points })
        : t('judge.maze.touchVoid');

  return (
    <div className="panel attempt-form">
      <StallTimer
        countdown={stall}
        now={stallNow}
        onProgress={() => setStall((current) => restartStall(current, performance.now()))}
      />
      {stalled ? (
        <StatusBanner kind="info">
          {t('judge.maze.stall.ended', { seconds: params.stallMs / 1000 })}
        </StatusBanner>
      ) : null}
      <ChoiceGroup
        label={t('judge.maze.outcome')}
        options={[
          { value: 'finished', label: t('judge.maze.finished') },
          { value: 'not-finished', label: t('judge.maze.notFinished') },
        ]}
        value={outcome}
        onChange={setOutcome}
      />

      {outcome === 'finished' ? (
        <div className="time-source">
          {sensorMs !== null ? (
            <ChoiceGroup
              label={t('judge.maze.timeSource')}
              options={[
                {
                  value: 'sensor',
                  label: t('judge.maze.sensorTime', { time: formatResultTime(sensorMs, 'ms') }),
                },
                { value: 'stopwatch', label: t('judge.maze.stopwatch') },
              ]}
              value={timing}
              onChange={setTiming}
            />
          ) : null}
          {timing === 'stopwatch' ? (
            <div className="stopwatch-row">
              <Stopwatch
                onStart={() => setStall((current) => startStall(current, performance.now()))}
                onTime={(ms) => {
                  setStall((current) => stopStall(current, performance.now()));
                  setTimeText(formatResultTime(ms, 'cs'));
                }}
              />
              <TextField
                label={t('judge.maze.timeField')}
                placeholder="0:52.31"
                inputMode="decimal"
                value={timeText}
                onChange={(event) => setTimeText(event.target.value)}
                error={
                  timeText && parseResultTime(timeText) === null
                    ? t('judge.maze.timeInvalid')
                    : null
                }
                className="time-field"
              />
            </div>
          ) : null}
        </div>
      ) : (
        <ChoiceGroup
          label={t('judge.maze.endedBy')}
          options={(['stall', 'time-limit', 'left-course', 'judge'] as const).map((value) => ({
            value,
            label: t(`judge.maze.ended.${value}`),
          }))}
          value={endedBy}
          onChange={setEndedBy}
        />
      )}

      <div className="counter" role="group" aria-label={t('judge.maze.touches')}>
        <span className="counter__label">
          {t('judge.maze.touches')} <span className="muted">({touchLabel})</span>
        </span>
        <Button
          variant="secondary"
          large
          aria-label={t('judge.maze.touchLess')}
          disabled={touches === 0}
          onClick={() => setTouches((n) => Math.max(0, n - 1))}
        >
          −
        </Button>
        <span className="counter__value digits" data-testid="touches">
          {touches}
        </span>
        <Button
          variant="secondary"
          large
          aria-label={t('judge.maze.touchMore')}
          onClick={() => setTouches((n) => n + 1)}
        >
          +
        </Button>
      </div>

      {params.checkpoints.length > 0 ? (
        <div className="checkpoints" role="group" aria-label={t('judge.maze.checkpoints')}>
          <span className="counter__label">{t('judge.maze.checkpoints')}</span>
          <div className="choices">
            {params.checkpoints.map((checkpoint) => {
              const on = checkpoints.includes(checkpoint.id);
              return (
                <button
                  key={checkpoint.id}
                  type="button"
                  aria-pressed={on}
                  className={`choice ${on ? 'choice--on' : ''}`}
                  onClick={() =>
                    setCheckpoints((list) =>
                      on ? list.filter((id) => id !== checkpoint.id) : [...list, checkpoint.id],
                    )
                  }
                >
                  {checkpoint.id} · {checkpoint.points}
                </button>
              );
            })}
          </div>
          {outcome === 'not-finished' && checkpoints.length > 0 ? (
            <TextField
              label={t('judge.maze.checkpointTime')}
              inputMode="decimal"
              value={checkpointText}
              onChange={(event) => setCheckpointText(event.target.value)}
            />
          ) : null}
        </div>
      ) : null}

      {errors.length > 0 ? (
        <StatusBanner kind="error">
          {errors.map((error) => fieldErrorText(lang, error)).join(' ')}
        </StatusBanner>
      ) : null}

      <div className="ui-row actions">
        <div className="attempt-result" aria-live="polite">
          <span>{t('judge.maze.attemptResult')}</span>
          <strong className="digits attempt-result__value" data-testid="attempt-result">
            {result && result.class !== 'none'
              ? `${formatResultTime(result.timeMs, precision)}${params.checkpoints.length > 0 ? ` · ${result.points}` : ''}`
              : '—'}
          </strong>
          {result?.voidedByTouch ? <span>{t('judge.maze.voidedByTouch')}</span> : null}
        </div>
        <Button large disabled={saved !== null} busy={busy} onClick={() => void confirm('confirm')}>
          {t('judge.maze.confirm')}
        </Button>
        <Button
          large
          variant="danger"
          disabled={saved !== null || busy}
          onClick={() => void confirm('void')}
        >
          {t('judge.maze.void')}
        </Button>
      </div>
    </div>
  );
}
