import { routes, type StageSummary } from '@olympiad/contracts';
import {
  Button,
  describeError,
  StatusBanner,
  type ApiClient,
  useLanguage,
  useQuery,
} from '@olympiad/ui';
import { useState } from 'react';

/**
 * The awards ceremony from the console: start a category's reveal, then reveal 3rd, 2nd, 1st one
 * press at a time; each press shows the place on the hall screens and nothing more.
 */
export function AwardsPanel({ api, stage }: { api: ApiClient; stage: StageSummary }) {
  const { lang, t } = useLanguage();
  const categories = useQuery(
    (signal) => api.call(routes.categories.list, { params: { stageId: stage.id } }, { signal }),
    [api, stage.id],
  );
  const awards = useQuery(
    (signal) => api.call(routes.awards.list, { params: { stageId: stage.id } }, { signal }),
    [api, stage.id],
  );
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const byCategory = new Map((awards.data ?? []).map((state) => [state.categoryId, state]));

  const act = async (categoryId: string, step: 'start' | 'reveal' | 'end') => {
    setBusy(true);
    setFailure(null);
    try {
      const params = { id: categoryId };
      if (step === 'start') await api.call(routes.awards.start, { params, body: { podium: 3 } });
      else if (step === 'reveal') await api.call(routes.awards.reveal, { params });
      else await api.call(routes.awards.end, { params });
      awards.reload();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="awards-title">
      <h2 id="awards-title">{t('board.awards.title')}</h2>
      {failure ? <StatusBanner kind="error">{describeError(lang, failure)}</StatusBanner> : null}
      <ul className="awards-panel">
        {(categories.data ?? []).map((category) => {
          const state = byCategory.get(category.id);
          return (
            <li key={category.id} className="awards-panel__item">
              <strong>{category.name}</strong>
              {state?.active ? (
                <>
                  <span className="ui-muted">
                    {state.revealed
                      .map((step) => t('board.awards.place', { place: step.place }))
                      .join(' · ') || '—'}
                  </span>
                  <Button
                    busy={busy}
                    disabled={state.revealedCount >= state.podium}
                    onClick={() => void act(category.id, 'reveal')}
                  >
                    {t('console.awards.revealNext')}
                  </Button>
                  <Button
                    variant="secondary"
                    busy={busy}
                    onClick={() => void act(category.id, 'end')}
                  >
                    {t('console.awards.end')}
                  </Button>
                </>
              ) : (
                <Button
                  variant="secondary"
                  busy={busy}
                  onClick={() => void act(category.id, 'start')}
                >
                  {t('console.awards.start')}
                </Button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
