import { describeError, Link, StatusBanner, useLanguage } from '@olympiad/ui';
import { useJudge } from '../app/judge-context';
import { paths } from '../app/judge-routes';
import { CreativeScreen } from '../creative/creative-screen';
import { MazeScreen } from '../maze/maze-screen';
import { ProgrammingScreen } from '../programming/programming-screen';
import { SumoScreen } from '../sumo/sumo-screen';
import type { CategoryDataState } from './use-category-data';
import { CategoryDataPending } from './category-data-pending';
import { useCategoryData } from './use-category-data';

export interface ScreenProps {
  state: CategoryDataState & { data: NonNullable<CategoryDataState['data']> };
}

/** One category: its header, then the scoring screen of its discipline. */
export function CategoryPage({ categoryId }: { categoryId: string }) {
  const { lang, t } = useLanguage();
  const { me } = useJudge();
  const state = useCategoryData(categoryId);
  const { data } = state;
  if (!data) return <CategoryDataPending state={state} />;
  const { category } = data;
  const ready = { ...state, data };
  return (
    <section className="screen" aria-labelledby="category-title">
      <div className="screen__head">
        <Link className="ui-button ui-button--ghost" href={paths.home()}>
          ← {t('common.back')}
        </Link>
        <h2 id="category-title">{category.name}</h2>
        {category.status === 'locked' ? (
          <span className="chip chip--locked">{t('judge.category.locked')}</span>
        ) : null}
        {me.judge.role === 'head-judge' ? (
          <Link className="ui-button ui-button--secondary" href={paths.review(category.id)}>
            {t('judge.review.open')}
          </Link>
        ) : null}
      </div>
      {state.error ? (
        <StatusBanner kind="error">{describeError(lang, state.error)}</StatusBanner>
      ) : null}
      {category.status === 'locked' ? (
        <StatusBanner kind="info">{t('judge.category.lockedNotice')}</StatusBanner>
      ) : null}
      {category.discipline === 'maze' ? <MazeScreen state={ready} /> : null}
      {category.discipline === 'sumo' ? <SumoScreen state={ready} /> : null}
      {category.discipline === 'programming' ? <ProgrammingScreen state={ready} /> : null}
      {category.discipline === 'creative' ? <CreativeScreen state={ready} /> : null}
    </section>
  );
}
