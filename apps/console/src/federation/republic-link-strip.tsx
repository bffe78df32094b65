import type { RepublicLinkStatus } from '@olympiad/contracts';
import { formatClockTime } from '@olympiad/i18n';
import { Button, useLanguage } from '@olympiad/ui';
import { linkAlarm, minutesSince, type LinkAlarm } from './link-alarm';
import { plainLinkError } from './plain-link-error';
import { useNow } from './use-now';
import './federation.css';

const HEADLINE = {
  ok: 'console.federation.strip.up',
  'file-only': 'console.federation.strip.fileOnly',
  stalled: 'console.federation.strip.stalled',
  down: 'console.federation.strip.down',
} as const satisfies Record<LinkAlarm, string>;

/** What waits to be sent, in one phrase: entries and whether stage changes wait too. */
export function useWaitingText() {
  const { t } = useLanguage();
  return (status: RepublicLinkStatus) =>
    [
      t('console.federation.waiting', { count: status.pendingEntries }),
      status.pendingChanges ? t('console.federation.changesWaiting') : '',
    ]
      .filter(Boolean)
      .join(' · ');
}

/** When the republic last confirmed: "10:42 (3 min ago)". */
export function useLastAckText() {
  const { lang, t } = useLanguage();
  return (status: RepublicLinkStatus, now: number) => {
    const minutes = minutesSince(status.lastAckAt, now);
    if (!status.lastAckAt || minutes === null) return t('console.federation.neverAcked');
    return t('console.federation.lastAck', {
      time: formatClockTime(status.lastAckAt, lang),
      ago: t('console.federation.minutesAgo', { count: minutes }),
    });
  };
}

/**
 * The venue's link to the republic server, kept in view on every tab of a linked stage
 * (docs/federation.md, "National view"): up, down or by file only, what waits, the last
 * confirmation and the last problem in plain words. Red when down, amber when it has stalled.
 */
export function RepublicLinkStrip({
  status,
  onDetails,
}: {
  status: RepublicLinkStatus;
  onDetails?: () => void;
}) {
  const { t } = useLanguage();
  const waitingText = useWaitingText();
  const lastAckText = useLastAckText();
  const now = useNow();
  const alarm = linkAlarm(status, now);
  const problem = status.lastError && alarm !== 'ok' ? plainLinkError(status.lastError) : null;
  return (
    <section
      className={`republic-strip republic-strip--${alarm}`}
      role="status"
      aria-label={t('console.federation.strip.label')}
      data-alarm={alarm}
    >
      <div className="republic-strip__text">
        <strong className="republic-strip__headline">
          <span className="republic-strip__dot" aria-hidden="true" />
          {t(HEADLINE[alarm])}
        </strong>
        <span>
          {waitingText(status)} · {lastAckText(status, now)}
        </span>
        {status.conflicts > 0 ? (
          <span className="republic-strip__problem">
            {t('console.federation.conflictsHeld', { count: status.conflicts })}
          </span>
        ) : null}
        {problem ? (
          <span className="republic-strip__problem">
            {t(problem.key, { detail: problem.detail })}
          </span>
        ) : null}
      </div>
      {onDetails ? (
        <Button variant="secondary" onClick={onDetails}>
          {t('console.federation.details')}
        </Button>
      ) : null}
    </section>
  );
}
