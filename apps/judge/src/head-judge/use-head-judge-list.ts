import type { ApiClient } from '@olympiad/ui';
import { useCallback, useEffect, useState } from 'react';
import { useJudge } from '../app/judge-context';
import { useCategoryData, type CategoryDataState } from '../category/use-category-data';

/**
 * What a head judge's screen of one category lists from the server (protests, double entries)
 * beside the category's own data; `reload` asks for both again after a decision.
 */
export function useHeadJudgeList<T>(
  categoryId: string,
  load: (api: ApiClient, categoryId: string) => Promise<T>,
): { state: CategoryDataState; list: T | null; failure: unknown; reload: () => void } {
  const { api } = useJudge();
  const state = useCategoryData(categoryId);
  const [list, setList] = useState<T | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [round, setRound] = useState(0);
  const reloadState = state.reload;
  const reload = useCallback(() => {
    setRound((value) => value + 1);
    reloadState();
  }, [reloadState]);

  useEffect(() => {
    let live = true;
    load(api, categoryId)
      .then((answer) => live && setList(answer))
      .catch((error: unknown) => live && setFailure(error));
    return () => {
      live = false;
    };
    // `load` is a module-level function of each screen; a new one each render would refetch.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, categoryId, round]);

  return { state, list, failure, reload };
}
