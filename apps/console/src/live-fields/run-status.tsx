import type { FieldQueueRunCheck } from '@olympiad/contracts';
import type { MessageKey } from '@olympiad/i18n';
import { formatResultTime, timePrecisionOf } from '@olympiad/scoring';
import { useLanguage } from '@olympiad/ui';
import { useEffect, useState } from 'react';
import { finishedRunResult, formatRunningClock, type LiveRun } from './field-run';

/** performance.now(), refreshed ten times a second while `active`. */
function useClock(active: boolean): number {
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(performance.now()), 100);
    return () => clearInterval(timer);
  }, [active]);
  return now;
}

/**
 * What is on a field now: nothing, a team armed at the start, running (with a live clock),
 * finished (the gate's time, until the judge confirms it; then the confirmed result) or waiting
 * for the judge's stopwatch.
 */
export function RunStatus({
  live,
  check,
  teamName,
  attemptsAllowed,
}: {
  live: LiveRun | undefined;
  /** The ledger's word on the field's last finished run (from the field queues). */
  check?: FieldQueueRunCheck | null;
  teamName: (teamId: string) => string;
  attemptsAllowed: (categoryId: string) => number | null;
}) {
  const { t } = useLanguage();
  const run = live?.run;
  const running = run?.state === 'running';
  const now = useClock(running);
  const finished = run?.state === 'finished' ? finishedRunResult(run, check) : null;
  const state = finished?.kind === 'confirmed' ? 'confirmed' : (run?.state ?? 'idle');
  return (
    <div className={`run-status run-status--${state}`} data-run-state={state}>
      <span className="run-status__state">{t(`console.overview.run.${state}` as MessageKey)}</span>
      {run?.state === 'running' ? (
        <span className="run-status__clock" aria-live="off">
          {formatRunningClock(
            live?.startedHere === null || live?.startedHere === undefined
              ? 0
              : now - live.startedHere,
          )}
        </span>
      ) : null}
      {finished?.kind === 'provisional' ? (
        <>
          {/* The gates' clock counts microseconds: their time shows thousandths. */}
          <span className="run-status__clock">{formatResultTime(finished.durationMs, 'ms')}</span>
          <span className="run-status__note">{t('console.overview.run.unconfirmed')}</span>
        </>
      ) : null}
      {finished?.kind === 'confirmed' ? <ConfirmedResult attempt={finished.attempt} /> : null}
      {run && run.state !== 'idle' ? (
        <>
          <span className="run-status__team">{teamName(run.teamId)}</span>
          <span className="run-status__attempt">
            {t('console.overview.attempt', {
              attempt: run.attempt,
              max: attemptsAllowed(run.categoryId) ?? '—',
            })}
          </span>
        </>
      ) : null}
    </div>
  );
}

/** The attempt as the judge left it: its result time (with touches), did not finish, or voided. */
function ConfirmedResult({ attempt }: { attempt: FieldQueueRunCheck['attempt'] }) {
  const { t } = useLanguage();
  if (!attempt || attempt.outcome === 'void')
    return <span className="run-status__clock">{t('console.overview.result.void')}</span>;
  if (attempt.resultMs === null)
    return <span className="run-status__clock">{t('console.overview.result.notFinished')}</span>;
  return (
    <>
      <span className="run-status__clock">
        {formatResultTime(attempt.resultMs, timePrecisionOf(attempt.timing, attempt.timeMs))}
      </span>
      {attempt.touches > 0 ? (
        <span className="run-status__note">
          {t('console.overview.touches', { count: attempt.touches })}
        </span>
      ) : null}
    </>
  );
}
