import { routes, type RepublicLinkStatus } from '@olympiad/contracts';
import { Button, describeError, StatusBanner, useLanguage } from '@olympiad/ui';
import { useState } from 'react';
import type { ConsoleApi } from '../stage/console-context';
import { BundleDownloadButton } from './bundle-download-button';
import { formatMoment } from './federation-time';
import { plainLinkError } from './plain-link-error';
import { useLastAckText, useWaitingText } from './republic-link-strip';
import { useNow } from './use-now';

/**
 * The venue's "Republic" tab: the link in detail, "Send now", the bundle file for a day without
 * internet, and the pulled categories whose rule set was changed here (deviations).
 */
export function RepublicTab({
  console: consoleApi,
  status,
  onChanged,
}: {
  console: ConsoleApi;
  status: RepublicLinkStatus;
  onChanged: () => void;
}) {
  const { lang, t } = useLanguage();
  const waitingText = useWaitingText();
  const lastAckText = useLastAckText();
  const now = useNow();
  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const when = (iso: string | null) => (iso ? formatMoment(iso, lang, now) : '—');
  const problem = status.lastError ? plainLinkError(status.lastError) : null;

  const sendNow = async () => {
    setSending(true);
    setSent(false);
    setFailure(null);
    try {
      await consoleApi.api.call(routes.federation.sendNow, { params: { stageId: status.stageId } });
      setSent(true);
      onChanged();
    } catch (error) {
      setFailure(error);
    } finally {
      setSending(false);
    }
  };

  return (
    <div className="republic-tab">
      <section className="federation-actions">
        {status.republicUrl ? (
          <div className="federation-actions__item">
            <Button large block busy={sending} onClick={() => void sendNow()}>
              {t('console.federation.sendNow')}
            </Button>
            {sent ? (
              <StatusBanner kind="success">{t('console.federation.sendNowDone')}</StatusBanner>
            ) : null}
            {failure ? (
              <StatusBanner kind="error">{describeError(lang, failure)}</StatusBanner>
            ) : null}
          </div>
        ) : null}
        <BundleDownloadButton console={consoleApi} stageId={status.stageId} />
      </section>
      <p className="ui-muted">{t('console.federation.bundleHint')}</p>
      <section className="ui-card" aria-labelledby="republic-tab-title">
        <h3 id="republic-tab-title">{t('console.federation.tab.title')}</h3>
        <dl className="federation-facts">
          <dt>{t('console.federation.tab.address')}</dt>
          <dd>{status.republicUrl ?? t('console.federation.tab.noAddress')}</dd>
          <dt>{t('console.federation.tab.linkedAt')}</dt>
          <dd>{when(status.linkedAt)}</dd>
          <dt>{t('console.federation.tab.waiting')}</dt>
          <dd>{waitingText(status)}</dd>
          <dt>{t('console.federation.tab.lastAck')}</dt>
          <dd>{lastAckText(status, now)}</dd>
          <dt>{t('console.federation.tab.conflicts')}</dt>
          <dd className={status.conflicts > 0 ? 'federation-facts__bad' : undefined}>
            {t('console.venues.conflicts', { count: status.conflicts })}
          </dd>
          <dt>{t('console.federation.tab.lastAttempt')}</dt>
          <dd>{when(status.lastAttemptAt)}</dd>
          <dt>{t('console.federation.tab.lastError')}</dt>
          <dd>
            {problem ? (
              <>
                {t(problem.key, { detail: problem.detail })}
                <code className="federation-facts__detail">{problem.detail}</code>
              </>
            ) : (
              t('console.federation.tab.noError')
            )}
          </dd>
        </dl>
        {!status.claimed ? (
          <StatusBanner kind="info">{t('console.federation.notClaimed')}</StatusBanner>
        ) : null}
      </section>

      <section className="ui-card" aria-labelledby="republic-deviations-title">
        <h3 id="republic-deviations-title">{t('console.federation.deviationsTitle')}</h3>
        {status.deviations.length === 0 ? (
          <p className="ui-muted">{t('console.federation.noDeviations')}</p>
        ) : (
          <ul className="plain-list">
            {status.deviations.map((deviation) => (
              <li key={deviation.categoryId} className="federation-warning">
                {t('console.federation.deviation', { name: deviation.name })}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
