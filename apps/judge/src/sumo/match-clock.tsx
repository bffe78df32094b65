import type { FieldSignal } from '@olympiad/contracts';
import type { SumoMatchRules } from '@olympiad/scoring';
import { Button, useLanguage } from '@olympiad/ui';
import { useState } from 'react';
import { formatHundredths } from '../maze/maze-time';
import { useTicker } from '../maze/use-ticker';

/**
 * The start signal and the match time: after "Start" the robots wait the start delay, then the
 * match time counts down. Pausing keeps the time left (between rounds). The ring's start button
 * (a field device, `signal`) starts and stops the clock as the buttons on the tablet do.
 */
export function MatchClock({
  rules,
  signal = null,
}: {
  rules: SumoMatchRules;
  signal?: (FieldSignal & { n: number; at: number }) | null;
}) {
  const { t } = useLanguage();
  const total = rules.timing === 'total' ? rules.matchTimeMs : rules.roundTimeMs;
  const [runningSince, setRunningSince] = useState<number | null>(null);
  const [usedMs, setUsedMs] = useState(0);
  const now = useTicker(runningSince !== null);
  // Only presses after this clock appeared count: an old press must not start the next match.
  const [seenSignal, setSeenSignal] = useState(signal?.n ?? 0);
  const sinceStart = runningSince !== null ? now - runningSince : 0;
  const delay = rules.start === 'delay' ? rules.startDelayMs : 0;
  const waiting = runningSince !== null && usedMs === 0 && sinceStart < delay;
  const elapsed =
    usedMs + (runningSince !== null ? Math.max(0, sinceStart - (usedMs === 0 ? delay : 0)) : 0);
  const left = Math.max(0, total - elapsed);

  // A press of the ring's button is handled once, while rendering (React's way of following a prop).
  if (signal && signal.n > seenSignal) {
    setSeenSignal(signal.n);
    if (signal.type === 'button' && signal.button === 'stop' && runningSince !== null) {
      setUsedMs(elapsed);
      setRunningSince(null);
    } else if (
      signal.type === 'button' &&
      signal.button !== 'stop' &&
      signal.button !== 'ready' &&
      runningSince === null &&
      left > 0
    ) {
      setRunningSince(signal.at);
    }
  }

  return (
    <div className="match-clock" role="group" aria-label={t('judge.sumo.clock')}>
      <div
        className={`big-clock digits ${left === 0 ? 'big-clock--over' : ''}`}
        data-testid="match-clock"
      >
        {waiting ? `${Math.ceil((delay - sinceStart) / 1000)}` : formatHundredths(left)}
      </div>
      <p className="big-clock__caption">
        {waiting
          ? t('judge.sumo.startWait')
          : left === 0
            ? t('judge.sumo.timeOver')
            : t('judge.sumo.timeLeft')}
      </p>
      <div className="ui-row">
        {runningSince === null ? (
          <Button large onClick={() => setRunningSince(performance.now())}>
            {usedMs === 0 ? t('judge.sumo.startSignal') : t('judge.sumo.resume')}
          </Button>
        ) : (
          <Button
            large
            variant="secondary"
            onClick={() => {
              setUsedMs(elapsed);
              setRunningSince(null);
            }}
          >
            {t('judge.sumo.pause')}
          </Button>
        )}
        <Button
          variant="ghost"
          onClick={() => {
            setRunningSince(null);
            setUsedMs(0);
          }}
        >
          {t('judge.sumo.resetClock')}
        </Button>
      </div>
    </div>
  );
}
