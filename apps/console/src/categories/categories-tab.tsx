import type { MessageKey } from '@olympiad/i18n';
import { routes } from '@olympiad/contracts';
import { type ApiClient, QueryStatus, StatusBanner, useLanguage, useQuery } from '@olympiad/ui';
import { HistoryButton } from '../activity/activity-link';
import { WriteZone } from '../session/write-zone';
import { CreateCategoryForm } from './create-category-form';
import { RuleParamsEditor } from './rule-params-editor';
import { presetLabel, ruleSetSentence } from './rule-set-text';

/** The stage's categories with the rule set in force (editable until scoring starts), and a form for a new one. */
export function CategoriesTab({ api, stageId }: { api: ApiClient; stageId: string }) {
  const { lang, t } = useLanguage();
  const categories = useQuery(
    (signal) => api.call(routes.categories.list, { params: { stageId } }, { signal }),
    [api, stageId],
  );
  return (
    <>
      <QueryStatus
        query={categories}
        empty={<StatusBanner kind="info">{t('console.categories.empty')}</StatusBanner>}
      />
      <ul className="plain-list">
        {(categories.data ?? []).map((category) => (
          <li key={category.id} className="ui-card category-card">
            <div className="category-card__head">
              <div>
                <h3 className="category-card__name">{category.name}</h3>
                <span className="ui-muted">
                  {t(`discipline.${category.discipline}` as MessageKey)} · {category.ageGroupLabel}{' '}
                  · {presetLabel(lang, category.preset)}
                </span>
              </div>
              <span className={`tag tag--${category.status}`}>
                {t(`console.categories.status.${category.status}` as MessageKey)}
              </span>
            </div>
            <p className="ui-muted category-card__rules" data-testid="rule-set-text">
              {ruleSetSentence(lang, category.ruleSet)}
            </p>
            <WriteZone stageId={stageId}>
              <RuleParamsEditor api={api} category={category} onSaved={categories.reload} />
            </WriteZone>
            <HistoryButton target={{ kind: 'category', id: category.id, name: category.name }} />
          </li>
        ))}
      </ul>
      <WriteZone stageId={stageId}>
        <CreateCategoryForm api={api} stageId={stageId} onCreated={categories.reload} />
      </WriteZone>
    </>
  );
}
