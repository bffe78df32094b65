import { routes, type CategoryInspections } from '@olympiad/contracts';
import { useCallback, useEffect, useState } from 'react';
import { useJudge } from '../app/judge-context';

/**
 * A category's inspections from the server (null until read, or while offline); read again when
 * `refreshKey` changes (the team on screen), so another tablet's re-inspection shows.
 */
export function useInspections(categoryId: string, refreshKey = '') {
  const { api, online } = useJudge();
  const [list, setList] = useState<CategoryInspections | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [round, setRound] = useState(0);
  const reload = useCallback(() => setRound((value) => value + 1), []);
  useEffect(() => {
    if (!online) return;
    let live = true;
    api
      .call(routes.inspections.listForCategory, { params: { id: categoryId } })
      .then((answer) => {
        if (!live) return;
        setList(answer);
        setFailure(null);
      })
      .catch((error: unknown) => live && setFailure(error));
    return () => {
      live = false;
    };
  }, [api, categoryId, online, round, refreshKey]);
  return { list, failure, reload };
}
