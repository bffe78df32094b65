import { useQuery } from '@olympiad/ui';
import { type DependencyList, useEffect } from 'react';

/** `useQuery` that loads again every `everyMs`, keeping the last answer on screen meanwhile. */
export function usePolledQuery<T>(
  load: (signal: AbortSignal) => Promise<T>,
  deps: DependencyList,
  everyMs: number,
) {
  const query = useQuery(load, deps);
  const { reload } = query;
  useEffect(() => {
    const timer = setInterval(reload, everyMs);
    return () => clearInterval(timer);
  }, [reload, everyMs]);
  return query;
}
