import { Link, StatusBanner, useLanguage } from '@olympiad/ui';
import { useJudge } from '../app/judge-context';
import { paths } from '../app/judge-routes';
import { isHandedOver } from './outbox';
import { useOutboxState } from './use-outbox';

/**
 * The one line that says where the judge's entries are: held by the server (a person must look),
 * with the head judge or dismissed by them, no connection (kept on the tablet), being sent, or
 * all delivered (nothing shown).
 */
export function SyncBanner() {
  const { t } = useLanguage();
  const { outbox, online, me } = useJudge();
  const state = useOutboxState(outbox);
  const mine = state.items.filter((item) => item.judgeId === me.judge.id);
  const heldItems = mine.filter((item) => item.state === 'held');
  const held = heldItems.filter((item) => !isHandedOver(item)).length;
  const withHeadJudge = heldItems.filter((item) => item.handover?.state === 'sent').length;
  const dismissed = heldItems.filter((item) => item.handover?.state === 'dismissed').length;
  const waiting = mine.filter((item) => item.state === 'pending').length;
  const toOutbox = (
    <Link className="ui-button ui-button--secondary" href={paths.outbox()}>
      {t('judge.outbox.open')}
    </Link>
  );
  return (
    <div className="sync-banners" data-testid="sync-banners">
      {held > 0 ? (
        <StatusBanner kind="error" action={toOutbox}>
          {t('judge.sync.held', { count: held })}
        </StatusBanner>
      ) : null}
      {dismissed > 0 ? (
        <StatusBanner kind="info" action={toOutbox}>
          {t('judge.sync.dismissed', { count: dismissed })}
        </StatusBanner>
      ) : null}
      {withHeadJudge > 0 ? (
        <StatusBanner kind="info" action={toOutbox}>
          {t('judge.sync.withHeadJudge', { count: withHeadJudge })}
        </StatusBanner>
      ) : null}
      {!online || state.unreachable ? (
        <StatusBanner kind="offline">
          {waiting > 0
            ? t('judge.sync.offlineWaiting', { count: waiting })
            : t('judge.sync.offline')}
        </StatusBanner>
      ) : waiting > 0 ? (
        <StatusBanner kind="loading">{t('judge.sync.syncing', { count: waiting })}</StatusBanner>
      ) : null}
    </div>
  );
}
