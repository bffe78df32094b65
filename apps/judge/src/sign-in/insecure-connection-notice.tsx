import { routes } from '@olympiad/contracts';
import { type ApiClient, useLanguage, useQuery } from '@olympiad/ui';
import { useId } from 'react';
import './insecure-connection-notice.css';

/**
 * Whether the browser counts this page as a secure context (https, or localhost), the condition
 * for the service worker that reloads the app offline. Every browser the judge app supports has
 * `isSecureContext`; where it is missing (a test DOM) nothing is claimed and nobody is warned.
 */
export function inSecureContext(win: { isSecureContext?: boolean } = window): boolean {
  return win.isSecureContext !== false;
}

/**
 * The judge app opened over plain HTTP: no service worker, so no reload without the network
 * (docs/venue-network.md). Says so plainly and links the venue's HTTPS address from GET /api/tls.
 */
export function InsecureConnectionNotice({ api }: { api: ApiClient }) {
  const { t } = useLanguage();
  const titleId = useId();
  const tls = useQuery((signal) => api.call(routes.tls.info, {}, { signal }), [api]);
  const httpsUrl = tls.data?.httpsUrl ?? null;
  const judgeUrl = httpsUrl ? `${httpsUrl.replace(/\/+$/, '')}/judge/` : null;
  return (
    <section className="insecure-notice" aria-labelledby={titleId} data-testid="insecure-notice">
      <h3 id={titleId} className="insecure-notice__title">
        {t('judge.insecure.title')}
      </h3>
      <p>{t('judge.insecure.body')}</p>
      {judgeUrl ? (
        <>
          <p>{t('judge.insecure.openHint')}</p>
          <a
            className="ui-button ui-button--primary ui-button--large ui-button--block insecure-notice__link"
            href={judgeUrl}
          >
            {judgeUrl}
          </a>
        </>
      ) : tls.status === 'loading' ? null : (
        <p>
          {t(tls.data?.mode === 'off' ? 'judge.insecure.httpsOff' : 'judge.insecure.noAddress')}
        </p>
      )}
    </section>
  );
}
