import type { MessageKey } from '@olympiad/i18n';
import { ConnectionBadge, QueryStatus, useLanguage } from '@olympiad/ui';
import type { FieldsLive } from './use-fields-live';

/** The heading of a live field tab, with its connection mark and the queues' loading or error state. */
export function LiveTabHead({ id, title, live }: { id: string; title: MessageKey; live: FieldsLive }) {
  const { t } = useLanguage();
  const { queues } = live;
  return (
    <>
      <div className="live-head">
        <h3 id={id} className="live-head__title">{t(title)}</h3>
        <ConnectionBadge state={live.connected ? 'online' : 'connecting'} />
      </div>
      <QueryStatus query={queues} />
    </>
  );
}
