import { useLanguage } from '@olympiad/ui';
import { useEffect, useState } from 'react';
import type { FieldRun } from '../live/live-standings-client';
import { clockText, elapsedMs } from './field-clock';

/** Redraws of a running clock: often enough for its thousandths to look alive. */
const TICK_MS = 47;

/**
 * "On the field now": each field with a run, the team, and a clock that runs on the screen itself.
 * A finished run shows the gates' time as provisional until the judge confirms it and frees the
 * field (docs/results-display.md); the confirmed result then arrives in the table.
 */
export function FieldNow({ runs }: { runs: readonly FieldRun[] }) {
  const { t } = useLanguage();
  const running = runs.some((run) => run.state === 'running');
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    const timer = window.setInterval(() => setNow(Date.now()), TICK_MS);
    return () => window.clearInterval(timer);
  }, [running]);
  if (runs.length === 0) return null;
  return (
    <section className="field-now" aria-label={t('board.hall.onField')}>
      <h2 className="field-now__title">{t('board.hall.onField')}</h2>
      <ul className="field-now__list">
        {runs.map((run) => {
          const finished = run.state === 'finished' && run.durationMs !== undefined;
          return (
            <li key={run.fieldId} className={`field-now__run field-now__run--${run.state}`}>
              <span className="field-now__field">{run.fieldName}</span>
              <span className="field-now__team">{run.teamName ?? ''}</span>
              <span className="field-now__clock" data-state={run.state}>
                {run.state === 'running' && run.startedAt
                  ? clockText(elapsedMs(run.startedAt, run.offsetMs, now))
                  : finished
                    ? clockText(run.durationMs as number)
                    : t('board.hall.ready')}
              </span>
              {finished ? (
                <span className="field-now__provisional">{t('board.hall.provisional')}</span>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
