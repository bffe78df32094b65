import type { UnassignedSensorEvent } from '@olympiad/contracts';
import { formatClockTime, type MessageKey } from '@olympiad/i18n';
import { formatResultTime } from '@olympiad/scoring';
import { Button, useLanguage } from '@olympiad/ui';
import { useState } from 'react';

/** How many of the newest stray events the opened list shows before "show all". */
const NEWEST = 3;

export type StrayRole = 'start' | 'finish';

export interface StrayEventsProps {
  /** Newest first; every one stays on the server whatever the list shows. */
  events: readonly UnassignedSensorEvent[];
  start: string | null;
  finish: string | null;
  onPick: (role: StrayRole, eventId: string) => void;
  onAttach: () => void;
  busy: boolean;
  online: boolean;
}

const gateKeys: Record<string, MessageKey> = {
  start: 'judge.maze.gate.start',
  finish: 'judge.maze.gate.finish',
};

/** The device clock between a picked start and finish, as the server will compute the run's time. */
function pairMs(
  start: UnassignedSensorEvent | undefined,
  finish: UnassignedSensorEvent | undefined,
): number | null {
  if (!start || !finish || start.deviceId !== finish.deviceId || start.boot !== finish.boot) {
    return null;
  }
  const us = finish.deviceTimeUs - start.deviceTimeUs;
  return us > 0 ? Math.round(us / 1000) : null;
}

/**
 * Gate events that arrived while nothing was armed, folded to one line with their count. Opened,
 * the newest few come first and the rest on demand, so a busy field never pushes Confirm away.
 */
export function StrayEvents({
  events,
  start,
  finish,
  onPick,
  onAttach,
  busy,
  online,
}: StrayEventsProps) {
  const { lang, t } = useLanguage();
  const [open, setOpen] = useState(false);
  const [all, setAll] = useState(false);
  const shown = all ? events : events.slice(0, NEWEST);
  const between = pairMs(
    events.find((event) => event.id === start),
    events.find((event) => event.id === finish),
  );

  return (
    <details
      className="unassigned"
      open={open}
      onToggle={(event) => setOpen(event.currentTarget.open)}
    >
      <summary>{t('judge.maze.unassigned', { count: events.length })}</summary>
      {open ? (
        <div className="unassigned__body">
          <p className="muted">{t('judge.maze.unassignedHint')}</p>
          <ul className="unassigned__list">
            {shown.map((event) => {
              const role: StrayRole | null =
                event.gate === 'start' || event.gate === 'finish' ? event.gate : null;
              const picked = role !== null && (role === 'start' ? start : finish) === event.id;
              return (
                <li key={event.id} data-event-id={event.id}>
                  <span className="unassigned__what">
                    {gateKeys[event.gate]
                      ? t(gateKeys[event.gate])
                      : t('judge.maze.gate.other', { gate: event.gate })}{' '}
                    <span className="digits">
                      {formatClockTime(event.receivedAt, lang, undefined, { seconds: true })}
                    </span>
                  </span>
                  {role ? (
                    <Button
                      variant={picked ? 'primary' : 'secondary'}
                      aria-pressed={picked}
                      onClick={() => onPick(role, event.id)}
                    >
                      {t(role === 'start' ? 'judge.maze.asStart' : 'judge.maze.asFinish')}
                    </Button>
                  ) : null}
                </li>
              );
            })}
          </ul>
          {events.length > NEWEST ? (
            <Button variant="ghost" onClick={() => setAll((value) => !value)}>
              {all
                ? t('judge.maze.unassignedShowNewest', { count: NEWEST })
                : t('judge.maze.unassignedShowAll', { count: events.length })}
            </Button>
          ) : null}
          {between !== null ? (
            <p className="unassigned__pair">
              {t('judge.maze.pairTime', { time: formatResultTime(between, 'ms') })}
            </p>
          ) : null}
          <Button
            disabled={!start || !finish || start === finish || !online}
            busy={busy}
            onClick={onAttach}
          >
            {t('judge.maze.attach')}
          </Button>
        </div>
      ) : null}
    </details>
  );
}
