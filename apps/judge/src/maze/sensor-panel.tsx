import type { RunState, UnassignedSensorEvent } from '@olympiad/contracts';
import { formatMs } from '@olympiad/scoring';
import { Button, describeError, StatusBanner, useLanguage } from '@olympiad/ui';
import { useState } from 'react';
import { useJudge } from '../app/judge-context';
import { DeviceChip } from './device-chip';
import type { FieldLive } from './use-field-run';
import { formatHundredths } from './maze-time';
import { useTicker } from './use-ticker';

export interface SensorPanelProps {
  fieldId: string;
  live: FieldLive & { setRun: (run: RunState) => void };
  categoryId: string;
  teamId: string;
  attempt: number;
  /** The run on the field belongs to the team and attempt on screen. */
  ours: boolean;
  /** The head judge locked the category: the attempt could not be recorded, so the field is not armed. */
  locked?: boolean;
}

/** Arm the field's gates for the team on screen, watch the clock, attach stray gate events. */
export function SensorPanel({
  fieldId,
  live,
  categoryId,
  teamId,
  attempt,
  ours,
  locked = false,
}: SensorPanelProps) {
  const { lang, t } = useLanguage();
  const { api, online } = useJudge();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [start, setStart] = useState<string | null>(null);
  const [finish, setFinish] = useState<string | null>(null);
  const run = live.run;
  const now = useTicker(run?.state === 'running');

  async function call(action: () => Promise<RunState>) {
    setBusy(true);
    setFailure(null);
    try {
      live.setRun(await action());
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }
  const arm = () =>
    call(() => api.post<RunState>(`/api/fields/${fieldId}/runs`, { categoryId, teamId, attempt }));
  const disarm = () => call(() => api.delete<RunState>(`/api/fields/${fieldId}/runs/current`));
  const attach = () =>
    call(() =>
      api.post<RunState>(`/api/fields/${fieldId}/unassigned/attach`, {
        categoryId,
        teamId,
        attempt,
        startEventId: start,
        finishEventId: finish,
      }),
    );

  const busyElsewhere = run && run.state !== 'idle' && !ours && run.state !== 'finished';
  let clock = '—';
  let caption = t('judge.maze.sensorIdle');
  if (run && ours) {
    if (run.state === 'armed') caption = t('judge.maze.armed');
    if (run.state === 'running') {
      clock = formatHundredths(live.startedHere !== null ? now - live.startedHere : 0);
      caption = t('judge.maze.running');
    }
    if (run.state === 'finished') {
      clock = formatMs(run.durationMs);
      caption = t('judge.maze.finishedBySensor');
    }
    if (run.state === 'needs-manual-timing') caption = t('judge.maze.needsManual');
  }

  return (
    <div className="panel sensor-panel" aria-labelledby="sensor-title">
      <h3 id="sensor-title">
        {t('judge.maze.sensor')}{' '}
        {live.connected ? <DeviceChip live={live} fieldId={fieldId} /> : null}
      </h3>
      {!live.connected ? (
        // Without the field's live link the stopwatch below is the way to time the attempt.
        <StatusBanner kind="offline">{t('judge.maze.fieldOffline')}</StatusBanner>
      ) : (
        <SensorRun clock={clock} caption={caption} state={ours ? (run?.state ?? 'idle') : 'idle'} />
      )}
      {busyElsewhere ? <StatusBanner kind="info">{t('judge.maze.fieldBusy')}</StatusBanner> : null}
      {failure ? <StatusBanner kind="error">{describeError(lang, failure)}</StatusBanner> : null}
      <div className="ui-row" hidden={!live.connected}>
        {!ours || !run || run.state === 'idle' ? (
          <Button
            large
            busy={busy}
            disabled={!online || !live.connected || locked}
            aria-describedby={locked ? 'arm-locked' : undefined}
            onClick={arm}
          >
            {t('judge.maze.arm', { attempt })}
          </Button>
        ) : run.state === 'finished' ? null : (
          <Button large variant="secondary" busy={busy} disabled={!online} onClick={disarm}>
            {t('judge.maze.disarm')}
          </Button>
        )}
      </div>
      {locked && live.connected && (!ours || !run || run.state === 'idle') ? (
        <p id="arm-locked" className="arm-locked" role="note">
          {t('judge.maze.armLocked')}
        </p>
      ) : null}
      {live.unassigned.length > 0 ? (
        <details className="unassigned" open>
          <summary>{t('judge.maze.unassigned', { count: live.unassigned.length })}</summary>
          <p className="muted">{t('judge.maze.unassignedHint')}</p>
          <ul className="unassigned__list">
            {live.unassigned.map((event: UnassignedSensorEvent) => (
              <li key={event.id}>
                <span>
                  {event.gate} · {new Date(event.receivedAt).toLocaleTimeString(lang)}
                </span>
                <Button
                  variant={start === event.id ? 'primary' : 'secondary'}
                  onClick={() => setStart(event.id)}
                >
                  {t('judge.maze.asStart')}
                </Button>
                <Button
                  variant={finish === event.id ? 'primary' : 'secondary'}
                  onClick={() => setFinish(event.id)}
                >
                  {t('judge.maze.asFinish')}
                </Button>
              </li>
            ))}
          </ul>
          <Button
            disabled={!start || !finish || start === finish || !online}
            busy={busy}
            onClick={attach}
          >
            {t('judge.maze.attach')}
          </Button>
        </details>
      ) : null}
    </div>
  );
}

function SensorRun({ clock, caption, state }: { clock: string; caption: string; state: string }) {
  return (
    <>
      <div className={`big-clock digits big-clock--${state}`} data-testid="sensor-clock">
        {clock}
      </div>
      <p className="big-clock__caption" role="status">
        {caption}
      </p>
    </>
  );
}
