import type { SumoEvent } from '@olympiad/scoring';
import { useCallback, useEffect, useRef, useState } from 'react';
import { type LiveMatchStore, liveMatchStore } from './live-match-store';
import { CLOCK_AT_START, type ClockState } from './match-clock-state';

export interface LiveMatchState {
  /** False until the kept match (if any) has been read: the screen waits so nothing is overwritten. */
  ready: boolean;
  events: SumoEvent[];
  clock: ClockState;
}

/**
 * The events and the clock of the match on screen, written to the tablet's store on every change
 * and read back when the screen opens (after a reload or a crash of the tab). Events count only
 * on top of the same recorded rounds (`base`); the clock is the match's whatever was recorded.
 */
export function useLiveMatch(
  key: string,
  base: string,
  store: LiveMatchStore = liveMatchStore(),
): LiveMatchState & {
  update: (change: { events?: SumoEvent[]; clock?: ClockState }) => void;
  /** The match is recorded: the tablet keeps nothing of it. */
  clear: () => void;
} {
  const [state, setState] = useState<LiveMatchState>({
    ready: false,
    events: [],
    clock: CLOCK_AT_START,
  });
  const current = useRef(state);
  // Writes go to the store one after another, so the last change is the one kept.
  const writes = useRef<Promise<void>>(Promise.resolve());

  useEffect(() => {
    let open = true;
    const restore = (next: LiveMatchState) => {
      if (!open) return;
      current.current = next;
      setState(next);
    };
    store.get(key).then(
      (kept) =>
        restore({
          ready: true,
          events: kept && kept.base === base ? kept.events : [],
          clock: kept?.clock ?? CLOCK_AT_START,
        }),
      () => restore({ ready: true, events: [], clock: CLOCK_AT_START }),
    );
    return () => {
      open = false;
    };
  }, [store, key, base]);

  const write = useCallback((action: () => Promise<void>) => {
    writes.current = writes.current.then(action).catch(() => undefined);
  }, []);

  const update = useCallback(
    (change: { events?: SumoEvent[]; clock?: ClockState }) => {
      const next = { ...current.current, ...change };
      current.current = next;
      setState(next);
      const untouched =
        next.events.length === 0 && next.clock.usedMs === 0 && next.clock.runningSince === null;
      write(() =>
        untouched
          ? store.remove(key)
          : store.put({
              key,
              base,
              events: next.events,
              clock: next.clock,
              savedAt: new Date().toISOString(),
            }),
      );
    },
    [store, key, base, write],
  );

  const clear = useCallback(() => {
    const next = { ready: true, events: [], clock: CLOCK_AT_START };
    current.current = next;
    setState(next);
    write(() => store.remove(key));
  }, [store, key, write]);

  return { ...state, update, clear };
}
