import { routes, type SumoClockReport } from '@olympiad/contracts';
import type { SumoMatchRules } from '@olympiad/scoring';
import { useEffect, useRef } from 'react';
import { useJudge } from '../app/judge-context';
import { clockTotalMs, type ClockState, readClock, wallClock } from './match-clock-state';

/** The clock's state as the server takes it, read at `now` (the moment of the judge's press). */
export function clockReport(
  rules: SumoMatchRules,
  clock: ClockState,
  ended: boolean,
  now: number,
): Pick<SumoClockReport, 'state' | 'elapsedMs' | 'startsInMs' | 'roundMs'> {
  const reading = readClock(rules, clock, now);
  const roundMs = clockTotalMs(rules);
  return {
    state: ended ? 'ended' : reading.running ? 'running' : 'paused',
    // Whole ms, cut as the tablet's clock shows them, so a paused overlay reads the same.
    elapsedMs: roundMs - Math.floor(reading.leftMs),
    startsInMs: Math.ceil(reading.startInMs),
    roundMs,
  };
}

/**
 * Tells the server the ring's match clock each time the judge starts, pauses, resumes or ends it,
 * so the overlays count with the tablet (docs/results-display.md#the-sumo-round-clock). A display
 * hint only: offline, or refused, the tablet goes on and the overlays simply show no clock.
 */
export function useMatchClockReport({
  ringId,
  categoryId,
  matchId,
  round,
  rules,
  clock,
  ended,
  ready,
}: {
  ringId: string | null;
  categoryId: string;
  matchId: string;
  round: number;
  rules: SumoMatchRules;
  clock: ClockState;
  ended: boolean;
  ready: boolean;
}): void {
  const { api } = useJudge();
  // A clock never started is not news; any later change (a reset too) is.
  const sent = useRef(stateKey({ usedMs: 0, runningSince: null }, false));
  useEffect(() => {
    const key = stateKey(clock, ended);
    if (!ringId || !ready || key === sent.current) return;
    sent.current = key;
    const body = { categoryId, matchId, round, ...clockReport(rules, clock, ended, wallClock()) };
    api.call(routes.sumoClock.report, { params: { fieldId: ringId }, body }).catch(() => undefined);
  }, [api, ringId, ready, categoryId, matchId, round, rules, clock, ended]);
}

function stateKey(clock: ClockState, ended: boolean): string {
  return `${clock.usedMs}/${clock.runningSince}/${ended}`;
}
