import { type DependencyList, useCallback, useEffect, useState } from 'react';

export type QueryState<T> =
  | { status: 'loading'; data?: T; error?: undefined }
  | { status: 'error'; data?: T; error: unknown }
  | { status: 'ready'; data: T; error?: undefined };

interface Settled<T> {
  key: readonly unknown[];
  state: QueryState<T>;
}

function sameKey(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((value, index) => Object.is(value, b[index]));
}

/**
 * Runs `load` when `deps` change and on `reload()`, aborting the previous run. A run in flight
 * reads as `loading` with the data of the last success, so a screen does not blank out. (Loading
 * is derived while rendering, not set from the effect: the effect only records results.)
 */
export function useQuery<T>(
  load: (signal: AbortSignal) => Promise<T>,
  deps: DependencyList,
): QueryState<T> & { reload: () => void } {
  const [round, setRound] = useState(0);
  const [settled, setSettled] = useState<Settled<T> | null>(null);
  const key = [...deps, round];

  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setSettled({ key, state: { status: 'ready', data } });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setSettled((previous) => ({
          key,
          state: { status: 'error', error, data: previous?.state.data },
        }));
      },
    );
    return () => controller.abort();
    // The caller's `deps` (plus the reload round) say when `load` really changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, key);

  const reload = useCallback(() => setRound((value) => value + 1), []);
  const state: QueryState<T> =
    settled && sameKey(settled.key, key)
      ? settled.state
      : { status: 'loading', data: settled?.state.data };
  return { ...state, reload };
}
