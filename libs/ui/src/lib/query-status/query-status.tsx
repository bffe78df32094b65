import type { ReactNode } from 'react';
import type { QueryState } from '../api/use-query';
import { describeError } from '../api/describe-error';
import { Button, type ButtonVariant } from '../button/button';
import { useLanguage } from '../language/language-context';
import { StatusBanner } from '../status-banner/status-banner';

export interface QueryStatusProps<T> {
  /** What `useQuery` returned. */
  query: QueryState<T> & { reload: () => void };
  /** Shown once loaded when `isEmpty(data)`; nothing is shown for an empty answer without it. */
  empty?: ReactNode;
  /** When the loaded data counts as empty; an empty array by default. */
  isEmpty?: (data: T) => boolean;
  retryVariant?: ButtonVariant;
}

const isEmptyList = (data: unknown) => Array.isArray(data) && data.length === 0;

/**
 * The state line above what a query loaded: a spinner while the first load runs, the error with a
 * Retry button when a load failed (the last data stays on screen below it), and optionally an
 * empty notice. Renders nothing once there is data to show.
 */
export function QueryStatus<T>({
  query,
  empty,
  isEmpty = isEmptyList,
  retryVariant = 'secondary',
}: QueryStatusProps<T>) {
  const { lang, t } = useLanguage();
  if (query.status === 'error') {
    return (
      <StatusBanner
        kind="error"
        action={
          <Button variant={retryVariant} onClick={query.reload}>
            {t('common.retry')}
          </Button>
        }
      >
        {describeError(lang, query.error)}
      </StatusBanner>
    );
  }
  if (query.status === 'loading') {
    return query.data === undefined ? (
      <StatusBanner kind="loading">{t('common.loading')}</StatusBanner>
    ) : null;
  }
  return empty !== undefined && isEmpty(query.data) ? empty : null;
}

/** True while a query has nothing to show yet but its status line: first load, or a failure. */
export function queryPending<T>(query: QueryState<T>): boolean {
  return query.status === 'error' || query.data === undefined;
}
