import { useLanguage } from '@olympiad/ui';
import { useEffect, useState } from 'react';
import type { FieldRun } from '../live/live-standings-client';
import { clockText, elapsedMs } from './field-clock';

/** "On the field now": each field with a run, the team, and a clock that runs on the screen itself. */
export function FieldNow({ runs }: { runs: readonly FieldRun[] }) {
  const { t } = useLanguage();
  const running = runs.some((run) => run.state === 'running');
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    const timer = window.setInterval(() => setNow(Date.now()), 100);
    return () => window.clearInterval(timer);
  }, [running]);
  if (runs.length === 0) return null;
  return (
    <section className="field-now" aria-label={t('board.hall.onField')}>
      <h2 className="field-now__title">{t('board.hall.onField')}</h2>
      <ul className="field-now__list">
        {runs.map((run) => (
          <li key={run.fieldId} className={`field-now__run field-now__run--${run.state}`}>
            <span className="field-now__field">{run.fieldName}</span>
            <span className="field-now__team">{run.teamName ?? ''}</span>
            <span className="field-now__clock" data-state={run.state}>
              {run.state === 'running' && run.startedAt
                ? clockText(elapsedMs(run.startedAt, run.offsetMs, now))
                : run.state === 'finished' && run.durationMs !== undefined
                  ? clockText(run.durationMs)
                  : t('board.hall.ready')}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
