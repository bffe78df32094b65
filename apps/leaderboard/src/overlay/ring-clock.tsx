import { formatResultTime, ROUND_CLOCK_MARGIN_MS, roundClockLeftMs } from '@olympiad/scoring';
import { useEffect, useState } from 'react';
import type { RingClock } from '../live/live-standings-client';

/** The time left on a ring's clock at the screen's `localNow`, or null once the state is stale. */
export function ringClockLeftMs(clock: RingClock, localNow: number): number | null {
  return roundClockLeftMs({ ...clock, at: Date.parse(clock.at) }, localNow + clock.offsetMs);
}

/**
 * The round clock of the match on air, counting down from the tablet's last report by the
 * server's time (docs/results-display.md#the-sumo-round-clock); frozen when paused or ended, gone
 * when the tablet has said nothing for longer than a round.
 */
export function RingClockText({ clock }: { clock: RingClock }) {
  const [now, setNow] = useState(() => Date.now());
  const left = ringClockLeftMs(clock, now);
  const running = clock.state === 'running' && left !== null && left > 0;
  useEffect(() => {
    if (running) {
      // Every frame, as the tablet's clock: the two agree within one.
      let frame = requestAnimationFrame(function tick() {
        setNow(Date.now());
        frame = requestAnimationFrame(tick);
      });
      return () => cancelAnimationFrame(frame);
    }
    // A still clock is looked at again when it would go stale.
    const staleIn =
      Date.parse(clock.at) + clock.startsInMs + clock.roundMs + ROUND_CLOCK_MARGIN_MS + 1;
    const timer = window.setTimeout(
      () => setNow(Date.now()),
      Math.max(0, staleIn - clock.offsetMs - Date.now()),
    );
    return () => window.clearTimeout(timer);
  }, [running, clock]);
  if (left === null) return null;
  return (
    <div className="score-bug__clock digits" data-testid="round-clock" data-state={clock.state}>
      {formatResultTime(left, 'cs')}
    </div>
  );
}
