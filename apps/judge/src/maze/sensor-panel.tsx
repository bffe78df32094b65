import { routes, type RunState } from '@olympiad/contracts';
import { formatResultTime } from '@olympiad/scoring';
import { Button, describeError, StatusBanner, useLanguage } from '@olympiad/ui';
import { useState } from 'react';
import { useJudge } from '../app/judge-context';
import { InspectionNotice, useBlockedTeams } from '../inspection/inspection-notice';
import { DeviceChip } from './device-chip';
import { StrayEvents } from './stray-events';
import type { FieldLive } from './use-field-run';
import { useTicker } from './use-ticker';

export interface SensorPanelProps {
  fieldId: string;
  live: FieldLive & {
    setRun: (run: RunState) => void;
    dropUnassigned: (eventIds: readonly string[]) => void;
  };
  categoryId: string;
  teamId: string;
  teamName: string;
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
  teamName,
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
  // The server refuses to arm a team the rules keep off the table; the tablet says why first.
  const blocked = useBlockedTeams(categoryId, [{ id: teamId, name: teamName }]);

  async function call(action: () => Promise<RunState>): Promise<boolean> {
    setBusy(true);
    setFailure(null);
    try {
      live.setRun(await action());
      return true;
    } catch (error) {
      setFailure(error);
      return false;
    } finally {
      setBusy(false);
    }
  }
  const arm = () =>
    call(() =>
      api.call(routes.runs.arm, { params: { fieldId }, body: { categoryId, teamId, attempt } }),
    );
  const disarm = () => call(() => api.call(routes.runs.cancel, { params: { fieldId } }));
  const attach = async () => {
    // The attach button is enabled only once both events are chosen.
    if (!start || !finish) return;
    const attached = await call(() =>
      api.call(routes.runs.attach, {
        params: { fieldId },
        body: { categoryId, teamId, attempt, startEventId: start, finishEventId: finish },
      }),
    );
    if (attached) {
      live.dropUnassigned([start, finish]);
      setStart(null);
      setFinish(null);
    }
  };
  // Without the field's live link (or any link) the tablet cannot know what the field does.
  const linked = live.connected && online;

  const busyElsewhere = run && run.state !== 'idle' && !ours && run.state !== 'finished';
  let clock = '—';
  let caption = t('judge.maze.sensorIdle');
  // Gates on two controllers: how far the time can be off (docs/judge-tablet.md).
  let bound: string | null = null;
  if (run && ours) {
    if (run.state === 'armed') caption = t('judge.maze.armed');
    // The sensor times to the millisecond, so its running clock does too (docs/results-display.md).
    if (run.state === 'running') {
      // The ticker's last frame can predate the start by a moment: a clock never shows less than 0.
      const elapsed = live.startedHere !== null ? now - live.startedHere : 0;
      clock = formatResultTime(Math.max(0, elapsed), 'ms');
      caption = t('judge.maze.running');
    }
    if (run.state === 'finished') {
      clock = formatResultTime(run.durationMs, 'ms');
      caption = t('judge.maze.finishedBySensor');
      if (run.boundMs) bound = t('judge.maze.timingBound', { bound: run.boundMs });
    }
    if (run.state === 'needs-manual-timing') caption = manualCaption(run, t);
  }

  return (
    <div className="panel sensor-panel" aria-labelledby="sensor-title">
      {!linked ? (
        // Without the field's live link the stopwatch below is the way to time the attempt.
        <StatusBanner kind="offline">{t('judge.maze.fieldOffline')}</StatusBanner>
      ) : null}
      {busyElsewhere ? <StatusBanner kind="info">{t('judge.maze.fieldBusy')}</StatusBanner> : null}
      {failure ? <StatusBanner kind="error">{describeError(lang, failure)}</StatusBanner> : null}
      {ours && run && run.state !== 'idle' ? null : <InspectionNotice blocked={blocked} />}
      <div className="sensor-panel__run">
        <div className="sensor-run">
          <h3 id="sensor-title">
            {t('judge.maze.sensor')} <DeviceChip live={live} fieldId={fieldId} />
          </h3>
          {live.connected ? (
            <SensorRun
              clock={clock}
              caption={caption}
              bound={bound}
              state={ours ? (run?.state ?? 'idle') : 'idle'}
            />
          ) : null}
        </div>
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
      </div>
      {locked && live.connected && (!ours || !run || run.state === 'idle') ? (
        <p id="arm-locked" className="arm-locked" role="note">
          {t('judge.maze.armLocked')}
        </p>
      ) : null}
      {live.unassigned.length > 0 ? (
        <StrayEvents
          events={live.unassigned}
          start={start}
          finish={finish}
          onPick={(role, eventId) => (role === 'start' ? setStart(eventId) : setFinish(eventId))}
          onAttach={() => void attach()}
          busy={busy}
          online={online}
        />
      ) : null}
    </div>
  );
}

/** Why the judge's stopwatch times this run: a device rebooted, or the two gates' clocks disagree. */
function manualCaption(
  run: Extract<RunState, { state: 'needs-manual-timing' }>,
  t: ReturnType<typeof useLanguage>['t'],
): string {
  if (run.reason !== 'timing-bound') return t('judge.maze.needsManual');
  return typeof run.boundMs === 'number'
    ? t('judge.maze.needsManualBound', { bound: run.boundMs })
    : t('judge.maze.needsManualClocks');
}

/** The run's clock and what the field waits for; before a run there is no clock, only the caption. */
function SensorRun({
  clock,
  caption,
  bound,
  state,
}: {
  clock: string;
  caption: string;
  bound: string | null;
  state: string;
}) {
  return (
    <>
      {state === 'idle' ? null : (
        <div className={`big-clock digits big-clock--${state}`} data-testid="sensor-clock">
          {clock}
          {bound ? (
            <span className="big-clock__bound" data-testid="sensor-bound">
              {bound}
            </span>
          ) : null}
        </div>
      )}
      <p className="big-clock__caption" role="status">
        {caption}
      </p>
    </>
  );
}
