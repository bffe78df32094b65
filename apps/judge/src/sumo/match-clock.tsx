import type { FieldSignal } from '@olympiad/contracts';
import { formatResultTime, type SumoMatchRules } from '@olympiad/scoring';
import { Button, useLanguage } from '@olympiad/ui';
import { useEffect, useRef } from 'react';
import { useTicker } from '../maze/use-ticker';
import {
  CLOCK_AT_START,
  type ClockState,
  readClock,
  settleClock,
  startClock,
  stopClock,
  wallClock,
} from './match-clock-state';

/**
 * The start signal and the match time: after "Start" the robots wait the start delay, then the
 * match time counts down. Pausing keeps the time left (between rounds). The clock stops by itself
 * when the time is up and when the match has ended (`ended`); it cannot be started again then.
 * The ring's start button (a field device, `signal`) starts and stops the clock as the buttons on
 * the tablet do. The state lives with the match (`clock`, `onChange`), which keeps it on the tablet.
 */
export function MatchClock({
  rules,
  clock,
  onChange,
  ended = false,
  signal = null,
}: {
  rules: SumoMatchRules;
  clock: ClockState;
  onChange: (clock: ClockState) => void;
  ended?: boolean;
  signal?: (FieldSignal & { n: number; at: number }) | null;
}) {
  const { t } = useLanguage();
  // Wall-clock time, so that a clock kept across a reload goes on from where it was.
  const now = wallClock(useTicker(clock.runningSince !== null));
  const reading = readClock(rules, clock, now);
  const canStart = !ended && !reading.running && reading.leftMs > 0;
  // Only presses after this clock appeared count: an old press must not start the next match.
  const seenSignal = useRef(signal?.n ?? 0);
  const stopped = ended ? stopClock(rules, clock, now) : settleClock(rules, clock, now);

  useEffect(() => {
    if (signal && signal.n > seenSignal.current) {
      seenSignal.current = signal.n;
      if (signal.type !== 'button' || signal.button === 'ready') return;
      const pressedAt = wallClock(signal.at);
      if (signal.button === 'stop') {
        if (reading.running) onChange(stopClock(rules, clock, pressedAt));
      } else if (canStart) onChange(startClock(rules, clock, pressedAt));
    } else if (stopped !== clock) onChange(stopped);
  });

  return (
    <div className="match-clock" role="group" aria-label={t('judge.sumo.clock')}>
      <div
        className={`big-clock digits ${reading.leftMs === 0 ? 'big-clock--over' : ''}`}
        data-testid="match-clock"
      >
        {reading.waiting
          ? `${Math.ceil(reading.startInMs / 1000)}`
          : formatResultTime(reading.leftMs, 'cs')}
      </div>
      <p className="big-clock__caption">
        {reading.waiting
          ? t('judge.sumo.startWait')
          : reading.leftMs === 0
            ? t('judge.sumo.timeOver')
            : t('judge.sumo.timeLeft')}
      </p>
      <div className="ui-row">
        {reading.running && !ended ? (
          <Button
            large
            variant="secondary"
            onClick={() => onChange(stopClock(rules, clock, wallClock()))}
          >
            {t('judge.sumo.pause')}
          </Button>
        ) : (
          <Button
            large
            disabled={!canStart}
            onClick={() => onChange(startClock(rules, clock, wallClock()))}
          >
            {clock.usedMs === 0 ? t('judge.sumo.startSignal') : t('judge.sumo.resume')}
          </Button>
        )}
        <Button variant="ghost" onClick={() => onChange(CLOCK_AT_START)}>
          {t('judge.sumo.resetClock')}
        </Button>
      </div>
    </div>
  );
}
