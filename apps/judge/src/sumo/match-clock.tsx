import type { SumoMatchRules } from '@olympiad/scoring';
import { Button, useLanguage } from '@olympiad/ui';
import { useState } from 'react';
import { formatHundredths } from '../maze/maze-time';
import { useTicker } from '../maze/use-ticker';

/**
 * The start signal and the match time, on this tablet only: after "Start" the robots wait the
 * start delay, then the match time counts down. Pausing keeps the time left (between rounds).
 */
export function MatchClock({ rules }: { rules: SumoMatchRules }) {
  const { t } = useLanguage();
  const total = rules.timing === 'total' ? rules.matchTimeMs : rules.roundTimeMs;
  const [runningSince, setRunningSince] = useState<number | null>(null);
  const [usedMs, setUsedMs] = useState(0);
  const now = useTicker(runningSince !== null);
  const sinceStart = runningSince !== null ? now - runningSince : 0;
  const delay = rules.start === 'delay' ? rules.startDelayMs : 0;
  const waiting = runningSince !== null && usedMs === 0 && sinceStart < delay;
  const elapsed =
    usedMs + (runningSince !== null ? Math.max(0, sinceStart - (usedMs === 0 ? delay : 0)) : 0);
  const left = Math.max(0, total - elapsed);
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
