import { formatClockTime, type MessageKey } from '@olympiad/i18n';
import { ApiError, Button, describeError, useLanguage } from '@olympiad/ui';
import type { Outbox } from './outbox';
import type { OutboxItem } from './outbox-store';

function stateKey(item: OutboxItem): MessageKey | null {
  if (item.state === 'pending') return 'judge.outbox.waiting';
  if (item.handover?.state === 'sent') return 'judge.outbox.handedOver';
  if (item.handover?.state === 'dismissed') return null;
  return 'judge.outbox.held';
}

/** Where an outbox item stands: waiting, refused and with the head judge, or dismissed, and why. */
export function OutboxItemStatus({ item, time }: { item: OutboxItem; time?: boolean }) {
  const { lang, t } = useLanguage();
  const key = stateKey(item);
  const parts = [
    time ? formatClockTime(item.createdAt, lang, undefined, { seconds: true }) : null,
    key ? t(key) : null,
  ].filter(Boolean);
  const problem = (p: { status: number; key: string; message: string }) =>
    describeError(lang, new ApiError(p.status, p.key, p.message));
  const handover = item.handover;
  return (
    <>
      {parts.length > 0 ? (
        <div className="muted" data-testid="outbox-item-state">
          {parts.join(' · ')}
        </div>
      ) : null}
      {item.problem ? <div className="outbox-item__problem">{problem(item.problem)}</div> : null}
      {handover?.state === 'dismissed' ? (
        <div className="outbox-item__problem">
          {t('judge.outbox.dismissed', { name: handover.by, reason: handover.reason })}
        </div>
      ) : null}
      {handover?.state === 'refused' ? (
        <div className="outbox-item__problem">
          {t('judge.outbox.handoverRefused', { reason: problem(handover.problem) })}
        </div>
      ) : null}
    </>
  );
}

/** Send a held item again, or remove one the head judge dismissed; a pending item needs nothing. */
export function OutboxItemActions({ item, outbox }: { item: OutboxItem; outbox: Outbox }) {
  const { t } = useLanguage();
  if (item.state !== 'held') return null;
  if (item.handover?.state === 'dismissed') {
    return (
      <Button variant="secondary" onClick={() => void outbox.discard(item.id)}>
        {t('judge.outbox.remove')}
      </Button>
    );
  }
  return (
    <Button variant="secondary" onClick={() => void outbox.retry(item.id)}>
      {t('judge.outbox.sendAgain')}
    </Button>
  );
}
