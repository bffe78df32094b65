import { formatResultTime } from '@olympiad/scoring';
import { Button, useLanguage } from '@olympiad/ui';
import { useState } from 'react';
import { useTicker } from './use-ticker';

/** The judge's stopwatch when there is no sensor time: start, stop, to 0.01 s. */
export function Stopwatch({
  onTime,
  onStart,
}: {
  onTime: (ms: number) => void;
  /** The attempt started (the stall countdown starts with it). */
  onStart?: () => void;
}) {
  const { t } = useLanguage();
  const [startedAt, setStartedAt] = useState<number | null>(null);
  const [stoppedMs, setStoppedMs] = useState<number | null>(null);
  const now = useTicker(startedAt !== null);
  // The ticker's last frame can predate the start by a moment: never show less than 0.
  const shown = startedAt !== null ? Math.max(0, now - startedAt) : (stoppedMs ?? 0);
  return (
    <div className="stopwatch" role="group" aria-label={t('judge.maze.stopwatch')}>
      <div className="stopwatch__display digits" aria-live="off">
        {formatResultTime(shown, 'cs')}
      </div>
      <div className="ui-row">
        {startedAt === null ? (
          <Button
            large
            onClick={() => {
              setStoppedMs(null);
              setStartedAt(performance.now());
              onStart?.();
            }}
          >
            {t('judge.maze.stopwatchStart')}
          </Button>
        ) : (
          <Button
            large
            variant="danger"
            onClick={() => {
              const ms = Math.floor((performance.now() - startedAt) / 10) * 10;
              setStartedAt(null);
              setStoppedMs(ms);
              onTime(ms);
            }}
          >
            {t('judge.maze.stopwatchStop')}
          </Button>
        )}
      </div>
    </div>
  );
}
