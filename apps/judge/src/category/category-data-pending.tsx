import { Button, describeError, StatusBanner, useLanguage } from '@olympiad/ui';
import type { CategoryDataState } from './use-category-data';

/** What a category's screen shows before its data is there: loading, or the failure with a retry. */
export function CategoryDataPending({ state }: { state: CategoryDataState }) {
  const { lang, t } = useLanguage();
  return state.error ? (
    <StatusBanner kind="error" action={<Button onClick={state.reload}>{t('common.retry')}</Button>}>
      {describeError(lang, state.error)}
    </StatusBanner>
  ) : (
    <StatusBanner kind="loading">{t('common.loading')}</StatusBanner>
  );
}
