import { formatResultTime } from '@olympiad/scoring';
import { Button, useLanguage } from '@olympiad/ui';
import { type StallCountdown, stallExpired, stallRemaining } from './stall-countdown';

export interface StallTimerProps {
  countdown: StallCountdown;
  /** performance.now() of the current frame. */
  now: number;
  onProgress: () => void;
}

/** The rules' stall limit counting down, readable at arm's length, with the big Progress button. */
export function StallTimer({ countdown, now, onProgress }: StallTimerProps) {
  const { t } = useLanguage();
  // Shown from the start of the attempt: before it, it would push Confirm below a tablet's fold.
  if (countdown.state === 'idle') return null;
  const remaining = stallRemaining(countdown, now);
  const expired = stallExpired(countdown, now);
  const seconds = countdown.limitMs / 1000;
  const stateClass = expired ? 'stall-timer--expired' : `stall-timer--${countdown.state}`;
  return (
    <section className={`stall-timer ${stateClass}`} aria-label={t('judge.maze.stall.title')}>
      <div className="stall-timer__text">
        <span className="stall-timer__label">{t('judge.maze.stall.title', { seconds })}</span>
        <strong className="stall-timer__value digits" data-testid="stall-remaining" aria-live="off">
          {formatResultTime(remaining, 'cs')}
        </strong>
        <span className="stall-timer__hint">
          {expired
            ? t('judge.maze.stall.expired')
            : countdown.state === 'stopped'
              ? t('judge.maze.stall.stopped')
              : t('judge.maze.stall.running')}
        </span>
      </div>
      <Button
        large
        className="stall-timer__progress"
        disabled={countdown.state !== 'running' || expired}
        onClick={onProgress}
      >
        {t('judge.maze.stall.progress')}
      </Button>
    </section>
  );
}
