import { routes } from '@olympiad/contracts';
import { Button, useLanguage, useQuery, type ApiClient } from '@olympiad/ui';

/**
 * The stage's open protests on every tab of its page (docs/rules.md#protests): how many wait in each
 * category, with the way to that category's protests. Nothing shows while none is open.
 */
export function StageProtestsStrip({
  api,
  stageId,
  categoryName,
  onOpen,
}: {
  api: ApiClient;
  stageId: string;
  categoryName: (id: string) => string;
  onOpen: (categoryId: string) => void;
}) {
  const { t } = useLanguage();
  const protests = useQuery(
    (signal) => api.call(routes.protests.listForStage, { params: { stageId } }, { signal }),
    [api, stageId],
  );
  const open = protests.data?.openByCategory ?? [];
  if (open.length === 0) return null;
  return (
    <section
      className="ui-card protests-strip"
      aria-labelledby="protests-strip-title"
      data-testid="open-protests"
    >
      <h3 id="protests-strip-title">
        {t('protests.title')}: {t('protests.openCount', { count: protests.data?.open ?? 0 })}
      </h3>
      <ul className="protests-strip__list">
        {open.map((category) => (
          <li key={category.categoryId}>
            <span>
              {categoryName(category.categoryId)} —{' '}
              {t('protests.openCount', { count: category.open })}
            </span>{' '}
            <Button variant="secondary" onClick={() => onOpen(category.categoryId)}>
              {t('console.protests.show')}
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
