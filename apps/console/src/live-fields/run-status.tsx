import type { MessageKey } from '@olympiad/i18n';
import { formatMs } from '@olympiad/scoring';
import { useLanguage } from '@olympiad/ui';
import { useEffect, useState } from 'react';
import { formatRunningClock, type LiveRun } from './field-run';

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
 * finished (with the device's time) or waiting for the judge's stopwatch.
 */
export function RunStatus({ live, teamName, attemptsAllowed }: { live: LiveRun | undefined; teamName: (teamId: string) => string; attemptsAllowed: (categoryId: string) => number | null }) {
  const { t } = useLanguage();
  const run = live?.run;
  const running = run?.state === 'running';
  const now = useClock(running);
  const state = run?.state ?? 'idle';
  return (
    <div className={`run-status run-status--${state}`} data-run-state={state}>
      <span className="run-status__state">{t(`console.overview.run.${state}` as MessageKey)}</span>
      {run?.state === 'running' ? (
        <span className="run-status__clock" aria-live="off">
          {formatRunningClock(live?.startedHere === null || live?.startedHere === undefined ? 0 : now - live.startedHere)}
        </span>
      ) : null}
      {run?.state === 'finished' ? <span className="run-status__clock">{formatMs(run.durationMs)}</span> : null}
      {run && run.state !== 'idle' ? (
        <>
          <span className="run-status__team">{teamName(run.teamId)}</span>
          <span className="run-status__attempt">{t('console.overview.attempt', { attempt: run.attempt, max: attemptsAllowed(run.categoryId) ?? '—' })}</span>
        </>
      ) : null}
    </div>
  );
}
