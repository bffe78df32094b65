import type { MessageKey } from '@olympiad/i18n';
import { Button, ConnectionBadge, describeError, StatusBanner, useLanguage } from '@olympiad/ui';
import type { FieldsLive } from './use-fields-live';

/** The heading of a live field tab, with its connection mark and the queues' loading or error state. */
export function LiveTabHead({ id, title, live }: { id: string; title: MessageKey; live: FieldsLive }) {
  const { lang, t } = useLanguage();
  const { queues } = live;
  return (
    <>
      <div className="live-head">
        <h3 id={id} className="live-head__title">{t(title)}</h3>
        <ConnectionBadge state={live.connected ? 'online' : 'connecting'} />
      </div>
      {queues.status === 'error' ? (
        <StatusBanner kind="error" action={<Button variant="secondary" onClick={queues.reload}>{t('common.retry')}</Button>}>
          {describeError(lang, queues.error)}
        </StatusBanner>
      ) : null}
      {queues.status === 'loading' && !queues.data ? <StatusBanner kind="loading">{t('common.loading')}</StatusBanner> : null}
    </>
  );
}
