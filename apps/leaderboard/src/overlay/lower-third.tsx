import type { StandingsSnapshot } from '@olympiad/contracts';
import { useLanguage } from '@olympiad/ui';
import { useEffect, useState } from 'react';
import { clockText, elapsedMs } from '../hall/field-clock';
import type { FieldRun } from '../live/live-standings-client';
import { precisionOfTable, resultText } from '../standings/result-text';
import { lowerThirdPhase, nextShownRun, rowOf, type ShownRun } from './last-field-run';

/** Redraws of a running clock, as on the hall screen. */
const TICK_MS = 47;

/**
 * The run on one field: team, school, the clock from the server's run state (the same start time
 * and offset as the hall's, docs/results-display.md#the-field-clock), the gates' time marked
 * provisional, then the confirmed result and place. Stays after the field is freed, until the
 * next team is armed.
 */
export function LowerThird({
  fieldId,
  run,
  standings,
}: {
  fieldId: string;
  run: FieldRun | undefined;
  standings: StandingsSnapshot | undefined;
}) {
  const { t } = useLanguage();
  const [held, setHeld] = useState<ShownRun | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const row = rowOf(standings, run?.teamId ?? held?.run.teamId);
  const shown = nextShownRun(held, run, row);
  // The last run stays on air after the field is freed: kept as state, adjusted while rendering.
  if (shown !== held) setHeld(shown);
  const running = shown?.run.state === 'running';

  useEffect(() => {
    if (!running) return;
    const timer = window.setInterval(() => setNow(Date.now()), TICK_MS);
    return () => window.clearInterval(timer);
  }, [running]);

  if (!shown || shown.run.fieldId !== fieldId || !shown.run.teamId) return null;
  const phase = lowerThirdPhase(shown, row);
  const school = standings?.teams[shown.run.teamId]?.school ?? '';
  const clock =
    phase === 'running' && shown.run.startedAt
      ? clockText(elapsedMs(shown.run.startedAt, shown.run.offsetMs, now))
      : shown.run.durationMs !== undefined
        ? clockText(shown.run.durationMs)
        : clockText(0);
  const rows = standings?.standings.rows ?? [];
  return (
    <section className="overlay__panel lower-third" data-phase={phase}>
      <div className="lower-third__who">
        <span className="lower-third__field">{shown.run.fieldName}</span>
        <span className="lower-third__team">{shown.run.teamName}</span>
        <span className="lower-third__school">{school}</span>
      </div>
      <div className="lower-third__time">
        <span className="lower-third__clock" data-state={phase}>
          {phase === 'confirmed' && row ? resultText(row, t, precisionOfTable(rows)) : clock}
        </span>
        {phase === 'provisional' ? (
          <span className="lower-third__note">{t('board.hall.provisional')}</span>
        ) : null}
        {phase === 'confirmed' && row?.place ? (
          <span className="lower-third__note lower-third__place">
            {t('board.awards.place', { place: row.place })}
          </span>
        ) : null}
      </div>
    </section>
  );
}
